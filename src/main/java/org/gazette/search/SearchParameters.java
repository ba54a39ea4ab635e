package org.gazette.search;

import java.util.regex.Pattern;

import org.gazette.content.ArticleType;
import org.gazette.content.Slugs;

/**
 * Checks search parameters as the page and the API receive them. The words are never an
 * error (they are read leniently); a malformed filter, sort or page is.
 */
public final class SearchParameters {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

	private SearchParameters() {
	}

	/**
	 * A search parameter that cannot be understood; answered with 400 and the message.
	 */
	public static class InvalidSearchException extends RuntimeException {

		InvalidSearchException(String message) {
			super(message);
		}

	}

	public static SearchQuery parse(String q, String type, String topic, String author, String year, String sort,
			String page, int pageSize) {
		if (type != null && !type.isEmpty() && ArticleType.fromCode(type).isEmpty()) {
			throw new InvalidSearchException("There is no kind of story with that name.");
		}
		if (topic != null && !topic.isEmpty() && !Slugs.isValid(topic)) {
			throw new InvalidSearchException("There is no topic with that name.");
		}
		if (author != null && !author.isEmpty() && !Slugs.isValid(author)) {
			throw new InvalidSearchException("There is no author with that name.");
		}
		Integer yearValue = null;
		if (year != null && !year.isEmpty()) {
			if (!DIGITS.matcher(year).matches() || Integer.parseInt(year) < 1900 || Integer.parseInt(year) > 2200) {
				throw new InvalidSearchException("The year must be written with four digits, such as 2026.");
			}
			yearValue = Integer.parseInt(year);
		}
		if (sort != null && !sort.isEmpty() && !sort.equals("relevance") && !sort.equals("newest")) {
			throw new InvalidSearchException("Results can be sorted by relevance or newest.");
		}
		int pageValue = 1;
		if (page != null && !page.isEmpty()) {
			if (!DIGITS.matcher(page).matches() || Integer.parseInt(page) < 1
					|| Integer.parseInt(page) > Search.MAX_PAGE) {
				throw new InvalidSearchException(
						"The page number must be a whole number from 1 to " + Search.MAX_PAGE + ".");
			}
			pageValue = Integer.parseInt(page);
		}
		return new SearchQuery((q != null) ? q : "", blankToNull(type), blankToNull(topic), blankToNull(author),
				yearValue, "newest".equals(sort), pageValue, pageSize);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
