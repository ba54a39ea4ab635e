package org.gazette.subscriptions;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalizes a reader's email address. Only plain ASCII addresses are taken:
 * internationalized domains are refused rather than converted, because a look-alike
 * letter (a Cyrillic "а" in "exаmple.gov") would otherwise send a confirmation to a
 * domain the reader never meant. The whole address is lower-cased so one reader has one
 * row.
 */
final class Addresses {

	static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_LENGTH = 64;

	private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern ADDRESS = Pattern
		.compile(ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+[A-Za-z]{2,63}");

	private Addresses() {
	}

	/**
	 * The address as stored, or the message key saying why it is refused.
	 */
	static Checked check(String raw) {
		if (raw == null || raw.isBlank()) {
			return Checked.refused("subscribe.email.required");
		}
		if (raw.chars().anyMatch((c) -> c == '\r' || c == '\n' || Character.isISOControl(c))) {
			// A line break in an address is an attempt to add headers to the email.
			return Checked.refused("subscribe.email.lines");
		}
		String address = raw.strip();
		if (address.length() > MAX_LENGTH) {
			return Checked.refused("subscribe.email.long");
		}
		// Browsers send an internationalized domain typed in an email field as punycode
		// (xn--): refused the same way as the letters it encodes.
		if (!address.chars().allMatch((c) -> c < 128) || address.toLowerCase(Locale.ROOT).matches(".*[@.]xn--.*")) {
			return Checked.refused("subscribe.email.ascii");
		}
		int at = address.lastIndexOf('@');
		if (!ADDRESS.matcher(address).matches() || at > MAX_LOCAL_LENGTH) {
			return Checked.refused("subscribe.email.invalid");
		}
		return new Checked(address.toLowerCase(Locale.ROOT), null);
	}

	/**
	 * An address as non-admins may see it: the first letter of the mailbox and the domain
	 * ({@code j***@example.gov}).
	 */
	static String masked(String address) {
		int at = address.indexOf('@');
		if (at < 1) {
			return "***";
		}
		return address.charAt(0) + "***" + address.substring(at);
	}

	/**
	 * @param address the normalized address, or null when refused
	 * @param problem the message key of the reason, or null when accepted
	 */
	record Checked(String address, String problem) {

		static Checked refused(String problem) {
			return new Checked(null, problem);
		}

		boolean accepted() {
			return this.address != null;
		}

	}

}
