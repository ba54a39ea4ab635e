package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gazette.content.InvalidContentException;

/**
 * A form the back office refused, with a message for each field (problems about no field
 * under the empty key) in the order the form shows them.
 */
class FormProblems extends RuntimeException {

	private final Map<String, String> byField;

	FormProblems(Map<String, String> byField) {
		super(String.join("; ", byField.values()));
		this.byField = Map.copyOf(byField);
	}

	/** The content rules' problems, with those the form found first taking precedence. */
	static FormProblems of(InvalidContentException ex, Map<String, String> fromForm) {
		Map<String, String> merged = new LinkedHashMap<>();
		ex.byField().forEach((field, messages) -> merged.put(field, String.join(" ", messages)));
		merged.putAll(fromForm);
		return new FormProblems(merged);
	}

	static void refuseIfAny(Map<String, String> fromForm) {
		if (!fromForm.isEmpty()) {
			throw new FormProblems(fromForm);
		}
	}

	Map<String, String> byField() {
		return this.byField;
	}

}
