package org.gazette.publishing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTests {

	private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

	@Test
	void publicOnlyWithAPublishedRevisionReleasedAtOrBeforeNowAndNotUnpublished() {
		assertThat(Visibility.isPublic(1L, NOW, null, NOW)).isTrue();
		assertThat(Visibility.isPublic(1L, NOW.minusSeconds(1), null, NOW)).isTrue();
		assertThat(Visibility.isPublic(1L, NOW.plusMillis(1), null, NOW)).isFalse();
		assertThat(Visibility.isPublic(null, NOW.minusSeconds(1), null, NOW)).isFalse();
		assertThat(Visibility.isPublic(1L, null, null, NOW)).isFalse();
		assertThat(Visibility.isPublic(1L, NOW.minusSeconds(1), NOW.minusSeconds(1), NOW)).isFalse();
	}

}
