package org.gazette.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.gazette.content.ArticleStatus;
import org.gazette.content.ArticleType;
import org.gazette.platform.GazetteProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates, kinds and statuses as back-office pages show them, in the site's time zone.
 * Public because templates call it.
 */
@Component
public final class AdminFormats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Locale.US);

	private final ZoneId zone;

	private final MessageSource messages;

	AdminFormats(GazetteProperties properties, MessageSource messages) {
		this.zone = properties.timeZone();
		this.messages = messages;
	}

	/** "November 27, 2026", or a dash for none. */
	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "–";
	}

	/** "November 27, 2026, 3:04 PM", or a dash for none. */
	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.zone)) : "–";
	}

	/** For {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.atZone(this.zone).toOffsetDateTime().toString() : null;
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
