package org.gazette.migration;

import java.util.Locale;

/** A source item's status, as WordPress names them; feed entries are all published. */
enum SourceStatus {

	DRAFT, PENDING, FUTURE, PUBLISH, PRIVATE, TRASH, OTHER;

	static SourceStatus of(String value) {
		if (value == null || value.isBlank()) {
			return OTHER;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "draft", "auto-draft" -> DRAFT;
			case "pending" -> PENDING;
			case "future" -> FUTURE;
			case "publish" -> PUBLISH;
			case "private" -> PRIVATE;
			case "trash" -> TRASH;
			default -> OTHER;
		};
	}

}
