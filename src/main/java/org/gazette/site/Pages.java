package org.gazette.site;

import java.util.List;

/**
 * One record per public page; each jte template under site/ takes exactly one of these.
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * The home page.
	 *
	 * @param chrome layout
	 * @param latest the newest stories
	 * @param allNewsUrl link to the full listing
	 */
	public record HomePage(Chrome chrome, List<Views.StoryCardView> latest, String allNewsUrl) {
	}

	/**
	 * A listing of stories: all news, an author's or a topic's.
	 *
	 * @param chrome layout
	 * @param heading the page heading
	 * @param intro text under the heading (already sanitized HTML for author bios), may
	 * be empty
	 * @param introIsHtml whether intro is sanitized HTML rather than plain text
	 * @param resultSummary "Showing 21–40 of 240 stories"
	 * @param stories the stories on this page
	 * @param emptyMessage what to say when there are none
	 * @param filters the filter form, or null when the listing has none
	 * @param pagination the pager
	 */
	public record ListingPage(Chrome chrome, String heading, String intro, boolean introIsHtml, String resultSummary,
			List<Views.StoryCardView> stories, String emptyMessage, Filters filters, Views.Pagination pagination,
			SubscriptionViews.SubscribeButton subscribe) {
	}

	/**
	 * The filter form of the news listing.
	 *
	 * @param action where the form goes
	 * @param types choices of kind
	 * @param topics choices of topic
	 * @param years choices of year
	 * @param active the filters in force, each with a link that removes it
	 */
	public record Filters(String action, List<Views.Option> types, List<Views.Option> topics, List<Views.Option> years,
			List<Views.Link> active) {
	}

	/**
	 * A story.
	 *
	 * @param chrome layout
	 * @param title headline
	 * @param typeName kind of story
	 * @param releaseDate "November 27, 2026"
	 * @param releaseIso the same as ISO 8601
	 * @param updatedDate "Last updated" date, or null when the story has not changed
	 * since release
	 * @param updatedIso the same as ISO 8601, or null
	 * @param bylines authors with links
	 * @param bodyHtml sanitized body, with the dateline already in its first paragraph
	 * @param topics topic links
	 * @param updates the story's major updates, newest first: its change history
	 * @param withdrawal the notice of a withdrawn story, or null
	 * @param hero the image at the top, or null
	 * @param documents the documents listed under the story, in order
	 */
	public record StoryPage(Chrome chrome, String title, String typeName, String releaseDate, String releaseIso,
			String updatedDate, String updatedIso, List<Views.BylineView> bylines, String bodyHtml,
			List<Views.Link> topics, List<Views.UpdateView> updates, Views.Withdrawal withdrawal, Views.HeroImage hero,
			List<Views.DocumentLink> documents) {
	}

	/**
	 * The page of a story taken down as published in error (410 Gone).
	 *
	 * @param chrome layout
	 * @param heading what happened, in plain words
	 * @param explanation the publisher's public explanation, plain text, or null
	 * @param releaseDate when it was released, "November 27, 2026"
	 * @param releaseIso the same as ISO 8601
	 * @param removedDate when it was taken down
	 * @param removedIso the same as ISO 8601
	 */
	public record GonePage(Chrome chrome, String heading, String explanation, String releaseDate, String releaseIso,
			String removedDate, String removedIso) {
	}

	/**
	 * A former story address in the static export, where the server answers 301.
	 *
	 * @param chrome layout (title and copy)
	 * @param heading what happened, in plain words
	 * @param target where the story is now: a site path or an http(s) address
	 * @param canonicalUrl the target as an absolute address
	 */
	public record MovedPage(Chrome chrome, String heading, String target, String canonicalUrl) {
	}

	/**
	 * An error page.
	 *
	 * @param chrome layout
	 * @param heading what went wrong, in plain words
	 * @param message what the reader can do
	 */
	public record ErrorPage(Chrome chrome, String heading, String message) {
	}

	/**
	 * The search page.
	 *
	 * @param chrome layout
	 * @param heading "Search results for ..."
	 * @param query what the reader typed, to keep in the box
	 * @param resultSummary "Showing 1–10 of 52 results", or empty
	 * @param hits results on this page
	 * @param emptyMessage what to say when there are none
	 * @param facets counts to narrow the results by
	 * @param active filters in force, each with a link that removes it
	 * @param relevanceUrl the same search sorted by relevance
	 * @param newestUrl the same search sorted newest first
	 * @param newestFirst which sort is in force
	 * @param suggestion a corrected query, or null
	 * @param suggestionUrl the search for the corrected query, or null
	 * @param pagination the pager
	 */
	public record SearchPage(Chrome chrome, String heading, String query, String resultSummary, List<SearchHit> hits,
			String emptyMessage, List<FacetGroup> facets, List<Views.Link> active, String relevanceUrl,
			String newestUrl, boolean newestFirst, String suggestion, String suggestionUrl,
			Views.Pagination pagination) {
	}

	/**
	 * A search result.
	 *
	 * @param title headline
	 * @param url the story
	 * @param typeName kind of story
	 * @param releaseDate "November 27, 2026"
	 * @param releaseIso ISO 8601
	 * @param bylineText "Jane Doe and Ann Lee", or empty
	 * @param snippetHtml escaped passage with matched words in mark elements
	 */
	public record SearchHit(String title, String url, String typeName, String releaseDate, String releaseIso,
			String bylineText, String snippetHtml) {
	}

	/**
	 * One facet's values.
	 *
	 * @param label "Kind of story", "Topic", ...
	 * @param links values with counts
	 */
	public record FacetGroup(String label, List<FacetLink> links) {
	}

	/**
	 * A facet value.
	 *
	 * @param label what the reader sees
	 * @param count matching stories
	 * @param url the search with this value selected (or removed, when selected)
	 * @param selected whether it is in force
	 */
	public record FacetLink(String label, long count, String url, boolean selected) {
	}

}
