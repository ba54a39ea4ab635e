package org.gazette.platform;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How Gazette writes dates and times for people, in the site's time zone: "November 27,
 * 2026" and "December 2, 2026 at 9:30 AM EST". One place, so that the public pages, the
 * back office, the audit log and the command line say a time the same way.
 */
@Component
public class SiteDates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a z",
			Locale.US);

	private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm:ss a z",
			Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private final ZoneId zone;

	@Autowired
	SiteDates(GazetteProperties properties) {
		this(properties.timeZone());
	}

	private SiteDates(ZoneId zone) {
		this.zone = zone;
	}

	/** Dates in the given zone, for code built without Spring (tests, tools). */
	public static SiteDates in(ZoneId zone) {
		return new SiteDates(zone);
	}

	/** The site's time zone. */
	public ZoneId zone() {
		return this.zone;
	}

	/** "November 27, 2026". */
	public String date(Instant instant) {
		return DATE.format(instant.atZone(this.zone));
	}

	/** "December 2, 2026 at 9:30 AM EST". */
	public String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(this.zone));
	}

	/**
	 * "December 2, 2026 at 9:30:05 AM EST", where seconds matter (when a release took
	 * effect).
	 */
	public String dateTimeToTheSecond(Instant instant) {
		return TO_THE_SECOND.format(instant.atZone(this.zone));
	}

	/** "9:30 AM". */
	public String time(Instant instant) {
		return TIME.format(instant.atZone(this.zone));
	}

	/** "7:00 AM": a time of day, such as when the daily digest goes out. */
	public String time(LocalTime time) {
		return TIME.format(time);
	}

	/** ISO 8601 with the site zone's offset, for {@code <time datetime>} and JSON. */
	public String iso(Instant instant) {
		return instant.atZone(this.zone).toOffsetDateTime().toString();
	}

}
