package org.gazette.accounts;

/** An account id that does not exist; the web answers 404. */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(String message) {
		super(message);
	}

}
