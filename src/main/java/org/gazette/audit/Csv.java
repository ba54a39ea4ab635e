package org.gazette.audit;

/**
 * CSV fields that spreadsheets open safely. Public so every export (audit log,
 * subscribers) defuses formulas the same way.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * Quotes a field, and defuses text a spreadsheet would run as a formula (a sign-in
	 * address typed as {@code =HYPERLINK(...)} must stay text).
	 */
	public static String field(String value) {
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
