package org.gazette.site;

import java.util.List;

/**
 * What a page tells search engines, social sites and feed readers about itself, beyond
 * its title and description.
 *
 * @param ogType Open Graph type: {@code article} for stories, {@code website} otherwise
 * @param feeds the feeds that carry what this page lists, linked in the head and shown
 * @param jsonLd schema.org data as JSON, already escaped for a script element, or null
 * @param image absolute address of the page's image (a story's hero), or null
 * @param robots a robots meta directive ({@code noindex}), or null for the default
 */
public record PageMeta(String ogType, List<Views.Feed> feeds, String jsonLd, String image, String robots) {

	public PageMeta(String ogType, List<Views.Feed> feeds, String jsonLd) {
		this(ogType, feeds, jsonLd, null, null);
	}

	PageMeta(String ogType, List<Views.Feed> feeds, String jsonLd, String image) {
		this(ogType, feeds, jsonLd, image, null);
	}

	static PageMeta website(List<Views.Feed> feeds) {
		return new PageMeta("website", feeds, null);
	}

}
