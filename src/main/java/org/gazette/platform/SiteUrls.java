package org.gazette.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Every public address Gazette writes, in one place: pages, feeds, emails and the static
 * export link through here so that they agree.
 */
@Component
public class SiteUrls {

	private final URI baseUrl;

	private final String formsBase;

	private final ResourceUrlProvider resources;

	private final Map<String, String> assets = new ConcurrentHashMap<>();

	SiteUrls(GazetteProperties properties, ResourceUrlProvider resources) {
		this.baseUrl = properties.baseUrl();
		this.formsBase = (properties.dynamicBaseUrl() != null)
				? properties.dynamicBaseUrl().toString().replaceAll("/+$", "") : "";
		this.resources = resources;
	}

	public String home() {
		return "/";
	}

	public String news() {
		return "/news";
	}

	/**
	 * The news listing with these filters ({@code type}, {@code topic}, {@code year}) and
	 * {@code page}; null and blank values are left out. A listing that a static host can
	 * hold as a file has a path of its own ({@code /news/page/2},
	 * {@code /news/types/statement/page/3}, {@code /news/years/2026}); the other
	 * combinations of filters, which only a running node answers, have a query string.
	 */
	public String news(Map<String, String> parameters) {
		String type = value(parameters, "type");
		String topic = value(parameters, "topic");
		String year = value(parameters, "year");
		if (topic != null || (type != null && year != null)) {
			return withQuery(news(), parameters);
		}
		String listing = (type != null) ? news() + "/types/" + segment(type)
				: (year != null) ? news() + "/years/" + segment(year) : news();
		return paged(listing, value(parameters, "page"));
	}

	/**
	 * Where the news filter form goes: this site, or the node set as
	 * {@code gazette.dynamic-base-url} when the pages are served from a static export.
	 */
	public String newsFilter() {
		return this.formsBase + news();
	}

	/** Where the search box goes; see {@link #newsFilter()}. */
	public String search() {
		return this.formsBase + "/search";
	}

	public String story(String slug) {
		return "/news/" + slug;
	}

	/** A preview link's address: the token is the whole secret. */
	public String preview(String token) {
		return "/preview/" + token;
	}

	public String author(String slug) {
		return "/authors/" + slug;
	}

	/** Page {@code page} (from 1) of an author's stories. */
	public String author(String slug, int page) {
		return paged(author(slug), Integer.toString(page));
	}

	public String topic(String slug) {
		return "/topics/" + slug;
	}

	/** Page {@code page} (from 1) of a topic's stories. */
	public String topic(String slug, int page) {
		return paged(topic(slug), Integer.toString(page));
	}

	/**
	 * A feed of every story; {@code format} is {@code rss} or {@code atom}. Feeds end in
	 * their format so that a static host serves them with the right type.
	 */
	public String feed(String format) {
		return "/feeds/all." + format;
	}

	public String typeFeed(String typeCode, String format) {
		return "/feeds/types/" + typeCode + "." + format;
	}

	public String topicFeed(String slug, String format) {
		return "/feeds/topics/" + slug + "." + format;
	}

	public String authorFeed(String slug, String format) {
		return "/feeds/authors/" + slug + "." + format;
	}

	/** The email subscription form; with a topic's slug, that topic is chosen already. */
	public String subscribe() {
		return this.formsBase + "/subscribe";
	}

	public String subscribe(String topicSlug) {
		return withQuery(subscribe(), Map.of("topic", topicSlug));
	}

	/** A confirmation link: the token is the whole secret. */
	public String confirmSubscription(String token) {
		return "/subscribe/confirm/" + token;
	}

	/** A subscriber's preferences page, from the link in each email. */
	public String manageSubscription(String token) {
		return "/subscriptions/manage/" + token;
	}

	/** The unsubscribe page (a button that confirms), from the link in each email. */
	public String unsubscribe(String token) {
		return "/subscriptions/unsubscribe/" + token;
	}

	/** Where mail programs POST an RFC 8058 one-click unsubscribe. */
	public String oneClickUnsubscribe(String token) {
		return "/subscriptions/one-click/" + token;
	}

	public String sitemapIndex() {
		return "/sitemap.xml";
	}

	/** A child sitemap, such as {@code pages} or {@code stories-1}. */
	public String sitemap(String name) {
		return "/sitemaps/" + name + ".xml";
	}

	public String robots() {
		return "/robots.txt";
	}

	public String apiArticle(String slug) {
		return "/api/v1/articles/" + slug;
	}

	/**
	 * A path with a query string built from the non-blank parameters, in the order given.
	 */
	public String withQuery(String path, Map<String, String> parameters) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		new LinkedHashMap<>(parameters).forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				builder.queryParam(name, value);
			}
		});
		return builder.encode().build().toUriString();
	}

	/** A listing's page: the first page is the listing's own address. */
	private static String paged(String listing, String page) {
		return (page == null || page.equals("1")) ? listing : listing + "/page/" + segment(page);
	}

	private static String value(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String segment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	/**
	 * A static asset's address with its content hash, so it can be cached for a year.
	 * Remembered: the assets do not change while Gazette runs, and every page asks for
	 * the same few (the resource chain's own cache still matched the path against each
	 * resource handler every time, a few percent of a static export).
	 */
	public String asset(String path) {
		String versioned = this.assets.get(path);
		if (versioned == null) {
			versioned = this.resources.getForLookupPath(path);
			if (versioned == null) {
				// Not remembered: the chain knows no file until the context is refreshed.
				return path;
			}
			this.assets.put(path, versioned);
		}
		return versioned;
	}

	/**
	 * The absolute form of a site path, for canonical links and anything read off-site.
	 */
	public String absolute(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
