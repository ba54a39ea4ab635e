package org.gazette.content;

import java.util.ArrayList;
import java.util.List;

/** Collects problems with their fields, then refuses them all at once. */
final class Problems {

	private final List<InvalidContentException.Problem> found = new ArrayList<>();

	void add(String field, String message) {
		this.found.add(new InvalidContentException.Problem(field, message));
	}

	boolean any() {
		return !this.found.isEmpty();
	}

	void refuseIfAny() {
		if (any()) {
			throw InvalidContentException.of(this.found);
		}
	}

}
