package org.gazette.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this address or client: the person must wait before trying
 * again. Raised before the password is checked.
 */
public class SignInThrottledException extends AuthenticationException {

	private final Duration wait;

	SignInThrottledException(Duration wait) {
		super("Too many attempts");
		this.wait = wait;
	}

	public Duration waitFor() {
		return this.wait;
	}

}
