package org.gazette.syndication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.gazette.content.ArticleType;
import org.gazette.content.Slugs;
import org.gazette.publishing.StoryPosition;

/**
 * The article list's parameters, checked before anything is read: anything malformed is
 * an {@link InvalidApiRequestException} whose message says what a valid value looks like.
 *
 * @param type kind filter, or null
 * @param topic topic slug, or null
 * @param author author slug, or null
 * @param since released at or after, or null
 * @param until released before, or null
 * @param limit stories per page
 * @param after cursor position, or null for the first page
 */
record ApiQuery(ArticleType type, String topic, String author, Instant since, Instant until, int limit,
		StoryPosition after) {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

	static ApiQuery parse(String type, String topic, String author, String since, String until, String limit,
			String cursor, ZoneId zone) {
		ArticleType kind = null;
		if (type != null && !type.isEmpty()) {
			kind = ArticleType.fromCode(type)
				.orElseThrow(() -> new InvalidApiRequestException(
						"type must be one of news-release, feature-story, announcement or statement."));
		}
		Instant from = instant("since", since, zone);
		Instant to = instant("until", until, zone);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidApiRequestException("since must be before until.");
		}
		return new ApiQuery(kind, slug("topic", topic), slug("author", author), from, to, limit(limit),
				ApiCursor.decode(cursor));
	}

	/** The parameters as a query string would carry them, for the next page's link. */
	Map<String, String> parameters(String cursor) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("type", (this.type != null) ? this.type.code() : null);
		parameters.put("topic", this.topic);
		parameters.put("author", this.author);
		parameters.put("since", (this.since != null) ? this.since.toString() : null);
		parameters.put("until", (this.until != null) ? this.until.toString() : null);
		parameters.put("limit", (this.limit != DEFAULT_LIMIT) ? Integer.toString(this.limit) : null);
		parameters.put("cursor", cursor);
		return parameters;
	}

	private static String slug(String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (!Slugs.isValid(value)) {
			throw new InvalidApiRequestException(name + " must be a slug: lower-case letters, digits and hyphens.");
		}
		return value;
	}

	private static int limit(String limit) {
		if (limit == null || limit.isEmpty()) {
			return DEFAULT_LIMIT;
		}
		if (!DIGITS.matcher(limit).matches() || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
			throw new InvalidApiRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
		}
		return Integer.parseInt(limit);
	}

	/**
	 * An instant (2026-11-27T20:00:00Z, or with an offset) or a day in the site's zone.
	 */
	private static Instant instant(String name, String value, ZoneId zone) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidApiRequestException(
					name + " must be a date such as 2026-11-27 or an instant such as 2026-11-27T20:00:00Z.");
		}
	}

}
