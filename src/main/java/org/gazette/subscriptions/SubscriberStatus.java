package org.gazette.subscriptions;

import java.util.Locale;

/** Where a subscriber stands; emails go to confirmed subscribers only. */
public enum SubscriberStatus {

	PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static SubscriberStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
