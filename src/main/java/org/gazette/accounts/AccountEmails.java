package org.gazette.accounts;

import java.time.Duration;

/** The text of the emails sent about an account. Plain language, no tracking. */
final class AccountEmails {

	private AccountEmails() {
	}

	static String resetLink(Account account, String link, Duration validity) {
		return """
				Hello %s,

				Someone asked to reset the password for your back-office account. If it was you, open this \
				link within %d minutes to choose a new password:

				%s

				The link works once. If you did not ask for it, you can ignore this email: your password has \
				not changed.
				""".formatted(account.displayName(), validity.toMinutes(), link);
	}

	static String passwordChanged(Account account, String resetPage) {
		return """
				Hello %s,

				The password for your back-office account was just changed, and you were signed out on \
				every device.

				If you did not do this, reset your password now at %s and tell your site administrator.
				""".formatted(account.displayName(), resetPage);
	}

}
