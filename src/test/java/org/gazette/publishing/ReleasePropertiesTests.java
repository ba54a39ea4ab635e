package org.gazette.publishing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReleasePropertiesTests {

	@Test
	void theWaitBetweenAttemptsDoublesUpToAnHour() {
		ReleaseProperties properties = ReleaseProperties.defaults();
		assertThat(properties.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.retryAfter(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.retryAfter(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(properties.retryAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.retryAfter(100)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aNodeHasANameByDefaultAndDurationsMustBePositive() {
		assertThat(ReleaseProperties.defaults().nodeId()).isNotBlank();
		assertThat(ReleaseProperties.defaults().withNodeId("web-2").nodeId()).isEqualTo("web-2");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReleaseProperties(true, Duration.ZERO, 10,
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofMinutes(5), ""));
	}

}
