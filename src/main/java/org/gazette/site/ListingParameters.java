package org.gazette.site;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.gazette.content.ArticleType;
import org.gazette.content.Slugs;

/**
 * The query parameters of a listing, checked. Anything malformed is a
 * {@link BadRequestException} with a message a reader can act on; nothing reaches the
 * database unchecked.
 *
 * @param type kind filter, or null
 * @param topicSlug topic filter, or null
 * @param year year filter, or null
 * @param page page number from 1
 */
record ListingParameters(ArticleType type, String topicSlug, Integer year, int page) {

	static final int MIN_YEAR = 1900;

	static final int MAX_YEAR = 2200;

	static final int MAX_PAGE = 1_000_000;

	private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

	static ListingParameters parse(String type, String topic, String year, String page) {
		return new ListingParameters(parseType(type), parseTopic(topic), parseYear(year), parsePage(page));
	}

	/**
	 * The parameters of a path-style listing address
	 * ({@code /news/types/statement/page/2}): anything malformed there is a page that
	 * does not exist.
	 */
	static ListingParameters fromPath(String type, String year, String page) {
		try {
			return new ListingParameters(parseType(type), null, parseYear(year), parsePage(page));
		}
		catch (BadRequestException ex) {
			throw new NotFoundException();
		}
	}

	/** A page number from an address's path; a bad one is a page that does not exist. */
	static int pageFromPath(String page) {
		try {
			return parsePage(page);
		}
		catch (BadRequestException ex) {
			throw new NotFoundException();
		}
	}

	/** Whether any listing parameter was given, even empty (as the filter form sends). */
	static boolean anyGiven(String... values) {
		return Arrays.stream(values).anyMatch(Objects::nonNull);
	}

	/**
	 * Whether the listing has a path-style address of its own: no filter, or only a kind
	 * or only a year. Other combinations are answered at a query address.
	 */
	boolean hasOwnPath() {
		return this.topicSlug == null && (this.type == null || this.year == null);
	}

	/** The filters and page as {@code SiteUrls.news} takes them. */
	Map<String, String> asQuery() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("type", (this.type != null) ? this.type.code() : null);
		query.put("topic", this.topicSlug);
		query.put("year", (this.year != null) ? this.year.toString() : null);
		query.put("page", (this.page > 1) ? Integer.toString(this.page) : null);
		return query;
	}

	static int parsePage(String page) {
		if (page == null || page.isEmpty()) {
			return 1;
		}
		if (!DIGITS.matcher(page).matches() || Integer.parseInt(page) < 1 || Integer.parseInt(page) > MAX_PAGE) {
			throw new BadRequestException("The page number must be a whole number from 1 upwards.");
		}
		return Integer.parseInt(page);
	}

	private static ArticleType parseType(String type) {
		if (type == null || type.isEmpty()) {
			return null;
		}
		return ArticleType.fromCode(type)
			.orElseThrow(() -> new BadRequestException("There is no kind of story with that name."));
	}

	private static String parseTopic(String topic) {
		if (topic == null || topic.isEmpty()) {
			return null;
		}
		if (!Slugs.isValid(topic)) {
			throw new BadRequestException("There is no topic with that name.");
		}
		return topic;
	}

	private static Integer parseYear(String year) {
		if (year == null || year.isEmpty()) {
			return null;
		}
		if (!DIGITS.matcher(year).matches() || Integer.parseInt(year) < MIN_YEAR || Integer.parseInt(year) > MAX_YEAR) {
			throw new BadRequestException("The year must be written with four digits, such as 2026.");
		}
		return Integer.parseInt(year);
	}

}
