package org.gazette.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@Test
	void makesReadableSlugsFromTitles() {
		assertThat(Slugs.fromTitle("New Inspection Lanes Open at Laredo!"))
			.isEqualTo("new-inspection-lanes-open-at-laredo");
		assertThat(Slugs.fromTitle("Café & Crème: Año 2026")).isEqualTo("cafe-creme-ano-2026");
		assertThat(Slugs.fromTitle("!!!")).isEqualTo("story");
		assertThat(Slugs.fromTitle("word ".repeat(60))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
	}

	@Test
	void acceptsOnlyLowerCaseWordsJoinedByHyphens() {
		assertThat(Slugs.isValid("trade-and-travel-2026")).isTrue();
		assertThat(Slugs.isValid("Trade")).isFalse();
		assertThat(Slugs.isValid("-trade")).isFalse();
		assertThat(Slugs.isValid("trade--travel")).isFalse();
		assertThat(Slugs.isValid("../etc/passwd")).isFalse();
		assertThat(Slugs.isValid("trade%20travel")).isFalse();
		assertThat(Slugs.isValid("")).isFalse();
		assertThat(Slugs.isValid(null)).isFalse();
		assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
	}

}
