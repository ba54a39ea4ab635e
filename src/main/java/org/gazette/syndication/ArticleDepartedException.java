package org.gazette.syndication;

import org.gazette.publishing.Departure;

/** The story asked for moved or was taken down; the API answers 301 or 410. */
final class ArticleDepartedException extends RuntimeException {

	final transient Departure departure;

	ArticleDepartedException(Departure departure) {
		super(null, null, false, false);
		this.departure = departure;
	}

}
