package org.gazette.site;

/**
 * The page cache's keys: one normalized key per public page, built from checked
 * parameters so that junk in a query string cannot fill the cache. The controller and
 * {@link CachedPageFilter} build keys here, so a page stored by one is found by the
 * other.
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
	 * The key for a request, or null when it is not a cacheable page or its parameters
	 * are bad.
	 */
	static String of(String path, java.util.function.Function<String, String> parameter) {
		try {
			if (path.equals("/")) {
				return home();
			}
			if (path.equals("/news")) {
				return news(ListingParameters.parse(parameter.apply("type"), parameter.apply("topic"),
						parameter.apply("year"), parameter.apply("page")));
			}
			String[] parts = path.split("/", -1);
			if (parts.length == 3 && !parts[2].isEmpty()) {
				return switch (parts[1]) {
					case "news" -> story(parts[2]);
					case "authors" -> author(parts[2], ListingParameters.parsePage(parameter.apply("page")));
					case "topics" -> topic(parts[2], ListingParameters.parsePage(parameter.apply("page")));
					default -> null;
				};
			}
			return null;
		}
		catch (BadRequestException ex) {
			return null;
		}
	}

}
