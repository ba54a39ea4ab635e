package org.gazette.migration;

/**
 * An import that cannot go on: the file is not what it should be (malformed, unsafe, too
 * big in places) or the database refused a batch. The message is one line that says where
 * and what to do.
 */
class ImportFailedException extends RuntimeException {

	ImportFailedException(String message) {
		super(message);
	}

	ImportFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
