package org.gazette.subscriptions;

import java.util.Map;

/**
 * A subscribe or preferences form that cannot be taken, with a message key per field so
 * that the page shows each problem beside what the reader typed.
 */
public class InvalidSubscriptionException extends RuntimeException {

	private final Map<String, String> byField;

	InvalidSubscriptionException(Map<String, String> byField) {
		super("Invalid subscription: " + byField.keySet());
		this.byField = Map.copyOf(byField);
	}

	/** Field name to message key ({@code email} to {@code subscribe.email.invalid}). */
	public Map<String, String> byField() {
		return this.byField;
	}

}
