package org.gazette.media;

/** There is no library item with this number. */
public class UnknownMediaException extends RuntimeException {

	UnknownMediaException(long id) {
		super("There is no media item " + id + ".");
	}

}
