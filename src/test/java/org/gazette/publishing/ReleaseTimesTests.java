package org.gazette.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.gazette.content.InvalidContentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Release times entered on the site's clock, across daylight-saving changes. */
class ReleaseTimesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aTimeInWinterAndOneInSummerKeepTheirOwnOffsets() {
		assertThat(ReleaseTimes.resolve(LocalDate.of(2026, 12, 2), LocalTime.of(9, 30), NEW_YORK))
			.isEqualTo(Instant.parse("2026-12-02T14:30:00Z"));
		assertThat(ReleaseTimes.resolve(LocalDate.of(2026, 7, 2), LocalTime.of(9, 30), NEW_YORK))
			.isEqualTo(Instant.parse("2026-07-02T13:30:00Z"));
	}

	@Test
	void aTimeSkippedWhenClocksSpringForwardIsRefusedWithTheReason() {
		assertThatThrownBy(() -> ReleaseTimes.resolve(LocalDate.of(2027, 3, 14), LocalTime.of(2, 30), NEW_YORK))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsOnlyKeys("releaseTime"))
			.hasMessage("2:30 AM does not exist on March 14, 2027 in Eastern Time: clocks jump from 2:00 AM to "
					+ "3:00 AM. Choose another time.");
	}

	@Test
	void aTimeThatHappensTwiceWhenClocksFallBackMeansTheFirst() {
		// November 7, 2027, 1:30 AM happens in EDT (05:30Z) and again in EST (06:30Z).
		assertThat(ReleaseTimes.resolve(LocalDate.of(2027, 11, 7), LocalTime.of(1, 30), NEW_YORK))
			.isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
	}

}
