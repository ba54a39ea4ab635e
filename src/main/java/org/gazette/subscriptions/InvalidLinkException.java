package org.gazette.subscriptions;

/**
 * A confirmation or preferences link that does not open: never issued, altered, used
 * already, or expired.
 */
public class InvalidLinkException extends RuntimeException {

	private final boolean expired;

	InvalidLinkException(boolean expired) {
		super(expired ? "Expired subscription link" : "Unknown subscription link");
		this.expired = expired;
	}

	/** Whether the link was real but is too old (the reader can ask for a new one). */
	public boolean expired() {
		return this.expired;
	}

}
