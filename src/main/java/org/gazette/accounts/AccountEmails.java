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

	/**
	 * A change to how the person signs in: a factor added or removed, new recovery codes,
	 * a new password or email address.
	 */
	static String securityChanged(Account account, String change, String resetPage) {
		return """
				Hello %s,

				%s

				If this was you, there is nothing more to do. If it was not, reset your password now at \
				%s and tell your site administrator at once.
				""".formatted(account.displayName(), change, resetPage);
	}

	static String factorsReset(Account account, String signInPage) {
		return """
				Hello %s,

				A site administrator removed the security keys, authenticator app and recovery codes from \
				your back-office account, for example because a key was lost.

				The next time you sign in at %s you will be asked to set up a new one.

				If you did not ask for this, tell your site administrator at once.
				""".formatted(account.displayName(), signInPage);
	}

}
