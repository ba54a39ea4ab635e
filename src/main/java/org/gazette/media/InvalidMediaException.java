package org.gazette.media;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file or details the library refused, with a plain message per form field
 * ({@code file}, {@code title}, {@code altText}, ...). Nothing was stored.
 */
public class InvalidMediaException extends RuntimeException {

	private final Map<String, String> byField;

	InvalidMediaException(Map<String, String> byField) {
		super(String.join(" ", byField.values()));
		this.byField = Map.copyOf(new LinkedHashMap<>(byField));
	}

	static InvalidMediaException file(String message) {
		return new InvalidMediaException(Map.of("file", message));
	}

	/** Messages by field, in the order the upload form shows its fields. */
	public Map<String, String> byField() {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : new String[] { "file", "title", "altText", "caption", "credit" }) {
			if (this.byField.containsKey(field)) {
				ordered.put(field, this.byField.get(field));
			}
		}
		this.byField.forEach(ordered::putIfAbsent);
		return ordered;
	}

}
