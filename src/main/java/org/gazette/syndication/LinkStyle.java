package org.gazette.syndication;

import java.util.Locale;
import java.util.Optional;

/** How the pages of a static export link to each other and to their assets. */
enum LinkStyle {

	/**
	 * As the server writes them, from the site's root ({@code /news/ports-reopen}): the
	 * pages are byte for byte what the server sends. For a host that serves the export at
	 * the root of its domain.
	 */
	ROOT,

	/**
	 * Relative to each page and naming {@code index.html}
	 * ({@code ../ports-reopen/index.html}): the export works from any directory of any
	 * host, and opened from disk.
	 */
	RELATIVE,

	/**
	 * Absolute, on a base address that may have a path
	 * ({@code https://www.agency.gov/newsroom/news/ports-reopen}): for a host that serves
	 * the export under a path.
	 */
	ABSOLUTE;

	static Optional<LinkStyle> parse(String text) {
		for (LinkStyle style : values()) {
			if (style.name().equalsIgnoreCase(text)) {
				return Optional.of(style);
			}
		}
		return Optional.empty();
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
