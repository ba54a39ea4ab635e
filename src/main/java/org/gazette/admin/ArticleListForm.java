package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;

import org.gazette.content.ArticleFilter;
import org.gazette.content.ArticleSort;
import org.gazette.content.ArticleStatus;
import org.gazette.content.ArticleType;

/**
 * The article list's search, filters, order and page, as typed into the address. Every
 * field is text so that nonsense gets a message next to its field instead of a failed
 * binding.
 *
 * @param q words the title contains
 * @param type a kind's code ({@code news-release})
 * @param topic a topic id
 * @param author an author id
 * @param status {@code draft}, {@code scheduled}, {@code published} or
 * {@code unpublished}
 * @param sort {@code updated}, {@code title} or {@code release}
 * @param page page number from 1
 */
public record ArticleListForm(String q, String type, String topic, String author, String status, String sort,
		String page) {

	/** Longer searches are refused: no title is longer (see ContentRules.TITLE_MAX). */
	static final int SEARCH_MAX = 300;

	/** Far beyond any newsroom's list, and small enough that the offset stays sane. */
	static final int PAGE_MAX = 1_000_000;

	static final ArticleListForm EMPTY = new ArticleListForm(null, null, null, null, null, null, null);

	/** What was typed, cut to a length safe to show again in the form; blanks as null. */
	ArticleListForm kept() {
		return new ArticleListForm(cut(this.q, SEARCH_MAX), cut(this.type, 40), cut(this.topic, 20),
				cut(this.author, 20), cut(this.status, 20), cut(this.sort, 20), cut(this.page, 20));
	}

	/**
	 * The filter these fields ask for; every problem goes into {@code errors} by field.
	 */
	ArticleFilter toFilter(Map<String, String> errors, LongPredicate topicExists, LongPredicate authorExists) {
		String title = blankToNull(this.q);
		if (title != null && title.length() > SEARCH_MAX) {
			errors.put("q", "Search with up to " + SEARCH_MAX + " characters.");
			title = null;
		}
		ArticleType kind = null;
		if (blankToNull(this.type) != null) {
			kind = ArticleType.fromCode(this.type.strip()).orElse(null);
			if (kind == null) {
				errors.put("type", "Choose a kind of story from the list.");
			}
		}
		Long topicId = id(this.topic, "topic", "Choose a topic from the list.", topicExists, errors);
		Long authorId = id(this.author, "author", "Choose an author from the list.", authorExists, errors);
		ArticleStatus chosenStatus = null;
		if (blankToNull(this.status) != null) {
			chosenStatus = constant(ArticleStatus.class, this.status);
			if (chosenStatus == null) {
				errors.put("status", "Choose a status from the list.");
			}
		}
		ArticleSort order = null;
		if (blankToNull(this.sort) != null) {
			order = constant(ArticleSort.class, this.sort);
			if (order == null) {
				errors.put("sort", "Choose an order from the list.");
			}
		}
		int number = 1;
		if (blankToNull(this.page) != null) {
			number = pageNumber(this.page.strip());
			if (number < 1) {
				errors.put("page", "There is no such page. Pages are numbered from 1.");
				number = 1;
			}
		}
		return new ArticleFilter(title, kind, topicId, authorId, chosenStatus, order, number);
	}

	/** These fields with some replaced, for links; blank values drop out. */
	Map<String, String> parameters(String newSort, Integer newPage) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("q", this.q);
		parameters.put("type", this.type);
		parameters.put("topic", this.topic);
		parameters.put("author", this.author);
		parameters.put("status", this.status);
		parameters.put("sort", (newSort != null) ? newSort : this.sort);
		parameters.put("page", (newPage != null) ? ((newPage > 1) ? newPage.toString() : null) : this.page);
		return parameters;
	}

	private static Long id(String typed, String field, String message, LongPredicate exists,
			Map<String, String> errors) {
		String value = blankToNull(typed);
		if (value == null) {
			return null;
		}
		if (value.matches("[0-9]{1,18}") && exists.test(Long.parseLong(value))) {
			return Long.parseLong(value);
		}
		errors.put(field, message);
		return null;
	}

	private static int pageNumber(String typed) {
		if (!typed.matches("[0-9]{1,9}")) {
			return -1;
		}
		int number = Integer.parseInt(typed);
		return (number > PAGE_MAX) ? -1 : number;
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String typed) {
		String code = typed.strip();
		if (!code.matches("[a-z]{1,20}")) {
			return null;
		}
		try {
			return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String cut(String value, int max) {
		return (value == null || value.isBlank()) ? null : (value.length() > max) ? value.substring(0, max) : value;
	}

}
