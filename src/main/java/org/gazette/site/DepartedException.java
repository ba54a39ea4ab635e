package org.gazette.site;

import org.gazette.publishing.Departure;

/**
 * A story's address answers with a redirect or 410 instead of a page; carries what
 * happened to the error handler, which answers it uncached.
 */
final class DepartedException extends RuntimeException {

	final transient Departure departure;

	DepartedException(Departure departure) {
		super(null, null, false, false);
		this.departure = departure;
	}

}
