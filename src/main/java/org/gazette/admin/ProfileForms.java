package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.content.InvalidContentException;
import org.gazette.content.Slugs;

/** What the author and topic forms share. */
final class ProfileForms {

	private ProfileForms() {
	}

	/**
	 * The address as typed; on a new profile left blank, one made from the name (the edit
	 * form shows it and it can be changed).
	 */
	static String slug(String typed, String name, boolean suggest) {
		String slug = (typed != null) ? typed.strip() : "";
		if (slug.isEmpty() && suggest && name != null && !name.isBlank()) {
			return Slugs.fromTitle(name);
		}
		return slug;
	}

	/**
	 * The problems by form field, one message each; problems about no one field go to
	 * {@code general}, the id of the element they are about.
	 */
	static Map<String, String> errors(InvalidContentException ex, String general, Map<String, String> renamed) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> entry : ex.byField().entrySet()) {
			String field = entry.getKey().equals(InvalidContentException.GENERAL) ? general
					: renamed.getOrDefault(entry.getKey(), entry.getKey());
			errors.merge(field, String.join(" ", entry.getValue()), (a, b) -> a + " " + b);
		}
		return errors;
	}

	static String cut(String value, int max) {
		return (value == null) ? "" : (value.length() > max) ? value.substring(0, max) : value;
	}

}
