package org.gazette.media;

/**
 * A search of the library.
 *
 * @param text words to find in the title, file name, alt text or caption; blank for all
 * @param kind only this kind, or null for both
 * @param page 1-based page
 */
public record MediaSearch(String text, MediaKind kind, int page) {

	public static final int PAGE_SIZE = 24;

	public MediaSearch {
		text = (text != null) ? text.strip() : "";
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		page = Math.max(1, Math.min(page, 100_000));
	}

}
