package org.gazette.publishing;

import java.util.Arrays;
import java.util.Optional;

/** Why a story came down, which decides what its address answers from then on. */
public enum TakedownKind {

	/** Published in error: the address answers 410 Gone, with an optional explanation. */
	GONE("gone"),

	/** Published in error: the address answers 301 to another address. */
	REDIRECT("redirect"),

	/** Merged into another story: the address answers 301 to that story. */
	CONSOLIDATED("consolidated"),

	/**
	 * Withdrawn: the story stays readable at its address under a notice with the date and
	 * the reason, and leaves listings, search and feeds.
	 */
	WITHDRAWN("withdrawn");

	private final String code;

	TakedownKind(String code) {
		this.code = code;
	}

	/** As stored and as forms send it. */
	public String code() {
		return this.code;
	}

	public static Optional<TakedownKind> fromCode(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code.equals(code)).findFirst();
	}

}
