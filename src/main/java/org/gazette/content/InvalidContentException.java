package org.gazette.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Content that breaks a rule; carries every problem found so the editor can fix them at
 * once, each keyed by the form field it is about so a page can show it next to that
 * field.
 */
public class InvalidContentException extends RuntimeException {

	/** The key of problems that are about no one field (shown at the top of a form). */
	public static final String GENERAL = "";

	private final List<Problem> problems;

	/** Problems about no particular field. */
	public InvalidContentException(List<String> problems) {
		this(problems.stream().map((message) -> new Problem(GENERAL, message)).toList(), true);
	}

	/** Problems with the fields they are about. */
	public static InvalidContentException of(List<Problem> problems) {
		return new InvalidContentException(problems, true);
	}

	/** One problem about one field. */
	public static InvalidContentException of(String field, String message) {
		return new InvalidContentException(List.of(new Problem(field, message)), true);
	}

	private InvalidContentException(List<Problem> problems, boolean keyed) {
		super(String.join("; ", problems.stream().map(Problem::message).toList()));
		this.problems = List.copyOf(problems);
	}

	/** Every problem's message, in the order found. */
	public List<String> problems() {
		return this.problems.stream().map(Problem::message).toList();
	}

	/** Every problem with its field, in the order found. */
	public List<Problem> fieldProblems() {
		return this.problems;
	}

	/**
	 * Messages by field, fields in the order their first problem was found; problems
	 * about no field are under {@link #GENERAL}.
	 */
	public Map<String, List<String>> byField() {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (Problem problem : this.problems) {
			fields.computeIfAbsent(problem.field(), (field) -> new ArrayList<>()).add(problem.message());
		}
		fields.replaceAll((field, messages) -> List.copyOf(messages));
		return Collections.unmodifiableMap(fields);
	}

	/**
	 * One thing wrong with the input.
	 *
	 * @param field the form field it is about, named as the record component it came from
	 * ({@code title}, {@code slug}, {@code authorIds}, ...), or {@link #GENERAL}
	 * @param message what is wrong, in plain words
	 */
	public record Problem(String field, String message) {
	}

}
