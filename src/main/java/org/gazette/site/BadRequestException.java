package org.gazette.site;

/**
 * A request whose parameters cannot be understood; the reader gets a 400 page with the
 * message.
 */
class BadRequestException extends RuntimeException {

	BadRequestException(String message) {
		super(message);
	}

}
