package org.gazette.syndication;

/**
 * An export that could not be completed; the previous export, if any, is still in place.
 * The message says what went wrong in words an operator can act on.
 */
class ExportException extends Exception {

	ExportException(String message) {
		super(message);
	}

	ExportException(String message, Throwable cause) {
		super(message, cause);
	}

}
