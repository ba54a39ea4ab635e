package org.gazette.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.SiteUrls;
import org.gazette.search.Search;
import org.gazette.search.SearchQuery;
import org.gazette.search.SearchResults;

import org.springframework.stereotype.Component;

/** Builds the search page's record from a search's results. */
@Component
class SearchPages {

	static final int PAGE_SIZE = 10;

	private final Search search;

	private final Content content;

	private final ChromeFactory chrome;

	private final Formats formats;

	private final Messages messages;

	private final SiteUrls urls;

	SearchPages(Search search, Content content, ChromeFactory chrome, Formats formats, Messages messages,
			SiteUrls urls) {
		this.search = search;
		this.content = content;
		this.chrome = chrome;
		this.formats = formats;
		this.messages = messages;
		this.urls = urls;
	}

	Pages.SearchPage page(SearchQuery query) {
		SearchResults results = this.search.search(query);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("q", query.text().isBlank() ? null : query.text());
		parameters.put("type", query.type());
		parameters.put("topic", query.topic());
		parameters.put("author", query.author());
		parameters.put("year", (query.year() != null) ? query.year().toString() : null);
		parameters.put("sort", query.newestFirst() ? "newest" : null);
		Function<Map<String, String>, String> url = (p) -> this.urls.withQuery("/search", p);
		Map<String, String> topicNames = this.content.topics()
			.stream()
			.collect(Collectors.toMap(Topic::slug, Topic::name));
		Map<String, String> authorNames = this.content.authors()
			.stream()
			.collect(Collectors.toMap(Author::slug, Author::name));
		Map<String, Function<String, String>> labels = Map.of("type",
				(code) -> ArticleType.fromCode(code).map(this.formats::typeName).orElse(code), "topic",
				(slug) -> topicNames.getOrDefault(slug, slug), "author", (slug) -> authorNames.getOrDefault(slug, slug),
				"year", (year) -> year);

		List<Pages.FacetGroup> facets = new ArrayList<>();
		for (SearchResults.Facet facet : results.facets()) {
			List<Pages.FacetLink> links = new ArrayList<>();
			for (SearchResults.FacetValue value : facet.values()) {
				Map<String, String> with = new LinkedHashMap<>(parameters);
				boolean selected = value.value().equals(parameters.get(facet.dimension()));
				with.put(facet.dimension(), selected ? null : value.value());
				links.add(new Pages.FacetLink(labels.get(facet.dimension()).apply(value.value()), value.count(),
						url.apply(with), selected));
			}
			if (!links.isEmpty()) {
				facets.add(new Pages.FacetGroup(this.messages.text("search.facet." + facet.dimension()), links));
			}
		}
		List<Views.Link> active = new ArrayList<>();
		for (String dimension : new String[] { "type", "topic", "author", "year" }) {
			String value = parameters.get(dimension);
			if (value != null) {
				Map<String, String> without = new LinkedHashMap<>(parameters);
				without.put(dimension, null);
				active.add(new Views.Link(labels.get(dimension).apply(value), url.apply(without)));
			}
		}
		Map<String, String> relevance = new LinkedHashMap<>(parameters);
		relevance.put("sort", null);
		Map<String, String> newest = new LinkedHashMap<>(parameters);
		newest.put("sort", "newest");

		List<Pages.SearchHit> hits = results.hits()
			.stream()
			.map((hit) -> new Pages.SearchHit(hit.title(), this.urls.story(hit.slug()),
					ArticleType.fromCode(hit.type()).map(this.formats::typeName).orElse(hit.type()),
					this.formats.date(hit.releaseAt()), this.formats.isoDate(hit.releaseAt()),
					Formats.joinNames(hit.bylines()), hit.snippetHtml()))
			.toList();
		String heading = query.text().isBlank() ? this.messages.text("search.heading")
				: this.messages.text("search.heading.for", query.text());
		String summary = results.hits().isEmpty() ? ""
				: this.messages.text("search.showing", (results.page() - 1) * results.pageSize() + 1,
						(results.page() - 1) * results.pageSize() + results.hits().size(), results.total());
		String suggestionUrl = null;
		if (results.suggestion() != null) {
			Map<String, String> suggested = new LinkedHashMap<>(parameters);
			suggested.put("q", results.suggestion());
			suggestionUrl = url.apply(suggested);
		}
		int pageCount = results.pageCount();
		Map<String, String> paging = parameters;
		return new Pages.SearchPage(
				this.chrome.chrome(pageTitle(heading, query.page()), this.messages.text("search.description"), null,
						null),
				heading, query.text(), summary, hits,
				this.messages.text(query.page() > pageCount ? "search.past-end" : "search.empty"), facets, active,
				url.apply(relevance), url.apply(newest), query.newestFirst(), results.suggestion(), suggestionUrl,
				Paginations.of(query.page(), Math.min(pageCount, Search.MAX_PAGE), (n) -> {
					Map<String, String> with = new LinkedHashMap<>(paging);
					with.put("page", (n > 1) ? Integer.toString(n) : null);
					return url.apply(with);
				}));
	}

	private String pageTitle(String heading, int page) {
		return (page > 1) ? this.messages.text("listing.title.page", heading, page) : heading;
	}

}
