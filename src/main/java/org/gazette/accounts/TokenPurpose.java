package org.gazette.accounts;

import java.time.Duration;

/** Why a one-time link was made, and how long it stays valid. */
enum TokenPurpose {

	/** An invitation, or the first admin's link: long enough to reach a colleague. */
	SET_PASSWORD("set-password", Duration.ofDays(3)),
	/** A forgotten password: short, since the email may sit in an inbox. */
	RESET_PASSWORD("reset-password", Duration.ofHours(1));

	private final String code;

	private final Duration validity;

	TokenPurpose(String code, Duration validity) {
		this.code = code;
		this.validity = validity;
	}

	String code() {
		return this.code;
	}

	Duration validity() {
		return this.validity;
	}

}
