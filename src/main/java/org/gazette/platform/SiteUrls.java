package org.gazette.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every public address Gazette writes, in one place: pages, feeds, emails and the static
 * export link through here so that they agree.
 */
@Component
public class SiteUrls {

	private final URI baseUrl;

	private final ResourceUrlProvider resources;

	SiteUrls(GazetteProperties properties, ResourceUrlProvider resources) {
		this.baseUrl = properties.baseUrl();
		this.resources = resources;
	}

	public String home() {
		return "/";
	}

	public String news() {
		return "/news";
	}

	/** The listing with these query parameters; null and blank values are left out. */
	public String news(Map<String, String> parameters) {
		return withQuery(news(), parameters);
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

	public String topic(String slug) {
		return "/topics/" + slug;
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

	/** A static asset's address with its content hash, so it can be cached for a year. */
	public String asset(String path) {
		String versioned = this.resources.getForLookupPath(path);
		return (versioned != null) ? versioned : path;
	}

	/**
	 * The absolute form of a site path, for canonical links and anything read off-site.
	 */
	public String absolute(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
