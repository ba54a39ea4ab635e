package org.gazette.migration;

/** Why an import stopped, in one line an operator can act on; nothing was imported. */
class ImportException extends Exception {

	ImportException(String message) {
		super(message);
	}

	ImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
