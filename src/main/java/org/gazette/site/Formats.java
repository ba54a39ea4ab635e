package org.gazette.site;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.platform.SiteDates;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Byline;

import org.springframework.stereotype.Component;

/** Dates, bylines and type names as readers read them, in the site's time zone. */
@Component
class Formats {

	private final SiteDates dates;

	private final Messages messages;

	private final SiteUrls urls;

	Formats(SiteDates dates, Messages messages, SiteUrls urls) {
		this.dates = dates;
		this.messages = messages;
		this.urls = urls;
	}

	/** "November 27, 2026". */
	String date(Instant instant) {
		return this.dates.date(instant);
	}

	/** "December 2, 2026 at 9:30 AM EST". */
	String dateTime(Instant instant) {
		return this.dates.dateTime(instant);
	}

	/** "7:00 AM": a time of day. */
	String time(LocalTime time) {
		return this.dates.time(time);
	}

	/** The date as ISO 8601 in the site's zone, for {@code <time datetime>}. */
	String isoDate(Instant instant) {
		return this.dates.iso(instant);
	}

	String typeName(ArticleType type) {
		return this.messages.text("type." + type.code());
	}

	String typePlural(ArticleType type) {
		return this.messages.text("type." + type.code() + ".plural");
	}

	ZoneId zone() {
		return this.dates.zone();
	}

	/** Names joined as a reader says them: "A", "A and B", "A, B and C". */
	static String joinNames(List<String> names) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			text.append(joiner(i, names.size())).append(names.get(i));
		}
		return text.toString();
	}

	private static String joiner(int i, int count) {
		return (i == 0) ? "" : (i == count - 1) ? " and " : ", ";
	}

	/**
	 * Bylines with the words that join them: "Jane Doe", "Jane Doe and Ann Lee", "A, B
	 * and C".
	 */
	List<Views.BylineView> bylines(List<Byline> bylines) {
		List<Views.BylineView> views = new ArrayList<>();
		for (int i = 0; i < bylines.size(); i++) {
			Byline byline = bylines.get(i);
			views.add(new Views.BylineView(joiner(i, bylines.size()), byline.name(), this.urls.author(byline.slug())));
		}
		return views;
	}

}
