package org.gazette.site;

import java.time.Duration;
import java.time.Instant;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search whose words match more stories than the exact-count limit (set to 3 here;
 * 1,000 in production) shows its facet counts as estimates, on the page and in the JSON;
 * one at the limit shows exact counts.
 */
@GazetteWebTest
@TestPropertySource(properties = { "gazette.search.exact-count-limit=3", "gazette.search.sample-size=4" })
class SearchEstimatePageTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	Http http;

	@BeforeEach
	void fiveTariffStoriesThreeAboutSteel() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var trade = this.stories.topic("Trade");
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		for (int i = 1; i <= 5; i++) {
			this.stories.story("Tariff Notice " + i)
				.slug("tariff-notice-" + i)
				.about(trade)
				.body((i <= 3) ? "Tariffs on steel change." : "Tariffs change.")
				.releasedAt(day.minus(Duration.ofDays(i)))
				.publish();
		}
	}

	@Test
	void aboveTheLimitTheFacetCountsSayAbout() {
		Document page = this.http.get("/search?q=tariff").document();
		assertThat(page.select("#search-results .gazette-story-title")).hasSize(5);
		assertThat(page.select(".gazette-facet .gazette-count").eachText())
			.allSatisfy((count) -> assertThat(count).startsWith("(about "));
		String json = this.http.get("/api/v1/search?q=tariff").body();
		assertThat(json).contains("\"facetCountsExact\":false");
	}

	@Test
	void atTheLimitTheyAreExact() {
		Document page = this.http.get("/search?q=steel").document();
		assertThat(page.select("#result-summary").text()).isEqualTo("Showing 1–3 of 3 results");
		assertThat(page.select(".gazette-facet a:contains(Trade)").first().parent().text()).isEqualTo("Trade (3)");
		String json = this.http.get("/api/v1/search?q=steel").body();
		assertThat(json).contains("\"facetCountsExact\":true").contains("\"totalExact\":true");
	}

}
