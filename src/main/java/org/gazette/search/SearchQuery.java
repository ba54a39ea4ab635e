package org.gazette.search;

/**
 * A search as a reader asks it; every filter is optional (null).
 *
 * @param text what the reader typed
 * @param type kind of story code, such as {@code news-release}
 * @param topic topic slug
 * @param author author slug
 * @param year release year in the site's time zone
 * @param newestFirst sort by release instant instead of relevance
 * @param page page number from 1
 * @param pageSize results per page
 */
public record SearchQuery(String text, String type, String topic, String author, Integer year, boolean newestFirst,
		int page, int pageSize) {
}
