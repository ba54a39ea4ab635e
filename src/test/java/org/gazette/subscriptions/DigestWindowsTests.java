package org.gazette.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Digest days in the site's time zone, across clock changes. */
class DigestWindowsTests {

	private final DigestWindows windows = new DigestWindows(ZoneId.of("America/New_York"), LocalTime.of(7, 0));

	@Test
	void theLatestDueDigestIsTodaysFromItsTimeAndYesterdaysBefore() {
		// 7:00 AM EST is 12:00 UTC.
		Instant sevenAm = Instant.parse("2026-11-20T12:00:00Z");
		assertThat(this.windows.latestDue(sevenAm).date()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(this.windows.latestDue(sevenAm.minusNanos(1)).date()).isEqualTo(LocalDate.of(2026, 11, 19));
		DigestWindows.Window day = this.windows.latestDue(sevenAm.plusSeconds(3600));
		assertThat(day.start()).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
		assertThat(day.end()).isEqualTo(sevenAm);
	}

	@Test
	void windowsFollowTheLocalTimeWhenClocksChange() {
		// Clocks spring forward on March 8, 2026 and fall back on November 1, 2026.
		DigestWindows.Window spring = this.windows.window(LocalDate.of(2026, 3, 8));
		assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));
		assertThat(spring.end()).isEqualTo(Instant.parse("2026-03-08T11:00:00Z"));
		DigestWindows.Window autumn = this.windows.window(LocalDate.of(2026, 11, 1));
		assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
		// A time skipped when clocks spring forward means an hour later.
		DigestWindows skipped = new DigestWindows(ZoneId.of("America/New_York"), LocalTime.of(2, 30));
		assertThat(skipped.window(LocalDate.of(2026, 3, 8)).end()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
	}

	@Test
	void theDigestTimeSettingMustBeATimeOfDay() {
		assertThat(SubscriptionProperties.defaults().digestAt()).isEqualTo(LocalTime.of(7, 0));
		assertThatThrownBy(() -> new SubscriptionProperties(true, 20, 100, Duration.ofMinutes(5), 8,
				Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofHours(48),
				Duration.ofDays(730), 5, "7 o'clock"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("gazette.subscriptions.digest-time must be a time of day such as 07:00, not 7 o'clock");
	}

}
