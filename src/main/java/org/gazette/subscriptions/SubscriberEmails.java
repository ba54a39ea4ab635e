package org.gazette.subscriptions;

import java.time.Duration;

/** The text of the emails about a subscription itself. Plain language, no tracking. */
final class SubscriberEmails {

	private SubscriberEmails() {
	}

	static String confirm(String siteName, String link, Duration validity) {
		return """
				Hello,

				Someone asked for %s's stories to be sent to this address. If it was you, open this link \
				within %d hours to confirm:

				%s

				Nothing is sent until you confirm. If you did not ask for this, ignore this email and you \
				will not hear from us again.
				""".formatted(siteName, validity.toHours(), link);
	}

	static String alreadySubscribed(String siteName, String manageLink) {
		return """
				Hello,

				Someone asked for %s's stories to be sent to this address, which is already subscribed. \
				Nothing has changed.

				To change what you receive, or to unsubscribe, open this link:

				%s
				""".formatted(siteName, manageLink);
	}

}
