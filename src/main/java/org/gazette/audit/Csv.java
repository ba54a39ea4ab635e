package org.gazette.audit;

/** CSV fields that spreadsheets open safely. */
final class Csv {

	private Csv() {
	}

	/**
	 * Quotes a field, and defuses text a spreadsheet would run as a formula (a sign-in
	 * address typed as {@code =HYPERLINK(...)} must stay text).
	 */
	static String field(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
