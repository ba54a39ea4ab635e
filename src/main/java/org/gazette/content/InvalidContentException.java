package org.gazette.content;

import java.util.List;

/**
 * Content that breaks a rule; carries every problem found so the editor can fix them at
 * once.
 */
public class InvalidContentException extends RuntimeException {

	private final List<String> problems;

	public InvalidContentException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
