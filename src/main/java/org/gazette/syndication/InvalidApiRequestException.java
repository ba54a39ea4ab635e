package org.gazette.syndication;

/** An API request whose parameters cannot be understood; the detail says what to fix. */
class InvalidApiRequestException extends RuntimeException {

	InvalidApiRequestException(String detail) {
		super(detail, null, false, false);
	}

}
