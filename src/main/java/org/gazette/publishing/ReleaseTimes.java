package org.gazette.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;

import org.gazette.content.InvalidContentException;

/**
 * Release times as editors enter them: a date and a time on the site's clock, turned into
 * the instant stored in UTC. Daylight-saving changes make some local times not exist (the
 * hour skipped in spring) and others happen twice (the hour repeated in autumn).
 */
public final class ReleaseTimes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private ReleaseTimes() {
	}

	/**
	 * The instant a local date and time on the site's clock stands for.
	 * @throws InvalidContentException (field {@code releaseTime}) when the time does not
	 * exist that day because the clocks jump forward over it
	 */
	public static Instant resolve(LocalDate date, LocalTime time, ZoneId zone) {
		LocalDateTime local = LocalDateTime.of(date, time);
		ZoneOffsetTransition transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			throw InvalidContentException.of("releaseTime",
					CLOCK.format(time) + " does not exist on " + DAY.format(date) + " in "
							+ zone.getDisplayName(TextStyle.FULL, Locale.US) + ": clocks jump from "
							+ CLOCK.format(transition.getDateTimeBefore()) + " to "
							+ CLOCK.format(transition.getDateTimeAfter()) + ". Choose another time.");
		}
		// A time that happens twice (clocks fall back) means its first occurrence, the
		// earlier instant; pages show the zone's abbreviation, so editors see which.
		return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
	}

}
