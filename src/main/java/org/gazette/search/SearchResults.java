package org.gazette.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of search results with facet counts.
 *
 * @param hits the stories on this page
 * @param total how many stories match
 * @param page page number from 1
 * @param pageSize results per page
 * @param facets counts per facet: "type", "topic", "author", "year"
 * @param suggestion a corrected query when the words look misspelled, or null
 */
public record SearchResults(List<Hit> hits, long total, int page, int pageSize, List<Facet> facets, String suggestion) {

	public int pageCount() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

	/**
	 * A matching story.
	 *
	 * @param slug the story's address
	 * @param title headline
	 * @param type kind of story code
	 * @param releaseAt release instant
	 * @param bylines author names in order
	 * @param snippetHtml a passage with the matched words in {@code <mark>}, everything
	 * else HTML-escaped
	 */
	public record Hit(String slug, String title, String type, Instant releaseAt, List<String> bylines,
			String snippetHtml) {
	}

	/**
	 * The counts of one facet.
	 *
	 * @param dimension "type", "topic", "author" or "year"
	 * @param values values with their counts, most frequent first
	 */
	public record Facet(String dimension, List<FacetValue> values) {
	}

	/**
	 * One value of a facet.
	 *
	 * @param value the value (a code, slug or year)
	 * @param count how many matching stories have it
	 */
	public record FacetValue(String value, long count) {
	}

}
