package org.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.gazette.content.ArticleStatus;
import org.gazette.content.ArticleType;
import org.gazette.platform.SiteDates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates, kinds and statuses as back-office pages show them, in the site's time zone.
 * Public because templates call it.
 */
@Component
public final class AdminFormats {

	private final SiteDates dates;

	private final MessageSource messages;

	AdminFormats(SiteDates dates, MessageSource messages) {
		this.dates = dates;
		this.messages = messages;
	}

	/** "November 27, 2026", or a dash for none. */
	public String date(Instant instant) {
		return (instant != null) ? this.dates.date(instant) : "–";
	}

	/** "November 27, 2026 at 3:04 PM EST", or a dash for none. */
	public String dateTime(Instant instant) {
		return (instant != null) ? this.dates.dateTime(instant) : "–";
	}

	/** For {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? this.dates.iso(instant) : null;
	}

	public String type(ArticleType type) {
		return (type != null) ? this.messages.getMessage("type." + type.code(), null, Locale.ENGLISH) : "–";
	}

	public String status(ArticleStatus status) {
		return switch (status) {
			case DRAFT -> "Draft";
			case SCHEDULED -> "Scheduled";
			case PUBLISHED -> "Published";
			case UNPUBLISHED -> "Unpublished";
		};
	}

	/** "A", "A and B", "A, B and C"; a dash for no one. */
	public String names(List<String> names) {
		if (names.isEmpty()) {
			return "–";
		}
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

}
