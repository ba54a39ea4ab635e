package org.gazette.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When daily digests fall due: each day at the digest time in the site's time zone. A
 * day's digest lists the stories released from the previous day's digest time up to its
 * own. On the day clocks spring forward a time that does not exist means the same time an
 * hour later; when they fall back, a time that happens twice means the first.
 */
final class DigestWindows {

	private final ZoneId zone;

	private final LocalTime at;

	DigestWindows(ZoneId zone, LocalTime at) {
		this.zone = zone;
		this.at = at;
	}

	/** The most recent digest whose time has come by {@code now}. */
	Window latestDue(Instant now) {
		LocalDate today = now.atZone(this.zone).toLocalDate();
		return window(end(today).isAfter(now) ? today.minusDays(1) : today);
	}

	/** The given day's digest. */
	Window window(LocalDate date) {
		return new Window(date, end(date.minusDays(1)), end(date));
	}

	private Instant end(LocalDate date) {
		return ZonedDateTime.of(date, this.at, this.zone).toInstant();
	}

	/**
	 * A day's digest.
	 *
	 * @param date the day, in the site's time zone
	 * @param start the previous day's digest time: stories released from then
	 * @param end this day's digest time: stories released before then
	 */
	record Window(LocalDate date, Instant start, Instant end) {
	}

}
