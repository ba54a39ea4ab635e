package org.gazette.accounts;

import java.util.Map;

/**
 * Refuses a change to an account, with a message per form field so the page can show each
 * next to its field.
 */
public class InvalidAccountException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public InvalidAccountException(Map<String, String> fieldErrors) {
		super(String.join(" ", fieldErrors.values()));
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/** Field name to the message shown next to it. */
	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
