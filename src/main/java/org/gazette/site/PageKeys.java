package org.gazette.site;

import java.util.function.Function;

import org.gazette.content.Slugs;
import org.gazette.platform.SiteUrls;

/**
 * The page cache's keys: one normalized key per public page, built from checked
 * parameters so that junk in a query string cannot fill the cache. The controller and
 * {@link CachedPageFilter} build keys here, so a page stored by one is found by the
 * other. An address that the controller answers with a redirect (an old query form, a
 * page number written two ways) has no key, so the cache never answers for it.
 */
final class PageKeys {

	private PageKeys() {
	}

	static String home() {
		return "/";
	}

	static String news(ListingParameters parameters) {
		return "/news?" + parameters;
	}

	static String story(String slug) {
		return "/news/" + slug;
	}

	static String author(String slug, int page) {
		return "/authors/" + slug + "?" + page;
	}

	static String topic(String slug, int page) {
		return "/topics/" + slug + "?" + page;
	}

	/**
	 * The key for a request, or null when it is not a cacheable page, its parameters are
	 * bad, or it is answered with a redirect.
	 */
	static String of(String path, Function<String, String> parameter, SiteUrls urls) {
		try {
			if (path.equals("/")) {
				// A WordPress short link is answered with a redirect, not the home page.
				return ShortLinks.isShortLink(parameter.apply("p"), parameter.apply("page_id")) ? null : home();
			}
			if (path.equals("/news")) {
				String type = parameter.apply("type");
				String topic = parameter.apply("topic");
				String year = parameter.apply("year");
				String page = parameter.apply("page");
				ListingParameters parameters = ListingParameters.parse(type, topic, year, page);
				boolean redirected = ListingParameters.anyGiven(type, topic, year, page) && parameters.hasOwnPath();
				return redirected ? null : news(parameters);
			}
			String[] parts = path.split("/", -1);
			if (parts.length == 3 && !parts[2].isEmpty()) {
				boolean paged = parameter.apply("page") != null;
				return switch (parts[1]) {
					case "news" -> story(parts[2]);
					case "authors" -> paged ? null : author(parts[2], 1);
					case "topics" -> paged ? null : topic(parts[2], 1);
					default -> null;
				};
			}
			return pathListing(path, parts, urls);
		}
		catch (BadRequestException | NotFoundException ex) {
			return null;
		}
	}

	/** The key of a path-style listing page, when the path is written as it should be. */
	private static String pathListing(String path, String[] parts, SiteUrls urls) {
		if (parts.length < 4 || parts.length > 6) {
			return null;
		}
		String page = (parts[parts.length - 2].equals("page")) ? parts[parts.length - 1] : null;
		int named = parts.length - ((page != null) ? 2 : 0);
		String key = null;
		String canonical = null;
		if (parts[1].equals("news")) {
			ListingParameters parameters = null;
			if (named == 2) {
				parameters = ListingParameters.fromPath(null, null, page);
			}
			else if (named == 4 && parts[2].equals("types")) {
				parameters = ListingParameters.fromPath(parts[3], null, page);
			}
			else if (named == 4 && parts[2].equals("years")) {
				parameters = ListingParameters.fromPath(null, parts[3], page);
			}
			if (parameters != null) {
				key = news(parameters);
				canonical = urls.news(parameters.asQuery());
			}
		}
		else if (named == 3 && page != null && Slugs.isValid(parts[2])) {
			int number = ListingParameters.pageFromPath(page);
			if (parts[1].equals("authors")) {
				key = author(parts[2], number);
				canonical = urls.author(parts[2], number);
			}
			else if (parts[1].equals("topics")) {
				key = topic(parts[2], number);
				canonical = urls.topic(parts[2], number);
			}
		}
		return (key != null && path.equals(canonical)) ? key : null;
	}

}
