package org.gazette.site;

/** Nothing public lives at this address; the reader gets the 404 page. */
class NotFoundException extends RuntimeException {

	NotFoundException() {
		super(null, null, false, false);
	}

}
