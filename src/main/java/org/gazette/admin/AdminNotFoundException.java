package org.gazette.admin;

/** An address in the back office that names nothing: answered with a 404 page. */
class AdminNotFoundException extends RuntimeException {

	AdminNotFoundException() {
		super("Not found");
	}

}
