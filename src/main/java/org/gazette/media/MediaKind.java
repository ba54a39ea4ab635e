package org.gazette.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a library item is: a picture shown on pages, or a document readers download. */
public enum MediaKind {

	IMAGE, DOCUMENT;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<MediaKind> fromCode(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code().equals(code)).findFirst();
	}

}
