package org.gazette.site;

import java.time.Duration;
import java.time.Instant;

import org.gazette.content.ArticleType;
import org.gazette.publishing.Publishing;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The search page and the search API over real HTTP, against the live index. */
@GazetteWebTest
class SearchPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	@Autowired
	Publishing publishing;

	Http http;

	long feature;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var jane = this.stories.author("Jane Doe");
		var trade = this.stories.topic("Trade");
		var travel = this.stories.topic("Travel");
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		this.stories.story("New Tariffs on Steel Imports")
			.slug("steel-tariffs")
			.by(jane)
			.about(trade)
			.body("Customs will collect the new tariffs on steel from January.")
			.releasedAt(day)
			.publish();
		this.feature = this.stories.story("A Day With the Border Canine Team")
			.slug("canine-team")
			.type(ArticleType.FEATURE_STORY)
			.about(travel)
			.body("The dogs check luggage for fruit and tariffs.")
			.releasedAt(day.minus(Duration.ofDays(400)))
			.publish();
	}

	@Test
	void theHeaderSearchLeadsToRankedHighlightedResults() {
		Document home = this.http.get("/").document();
		assertThat(home.select("header form[role=search]").attr("action")).isEqualTo("/search");
		assertThat(home.select("header form[role=search] input").attr("name")).isEqualTo("q");

		Document page = this.http.get("/search?q=tariff").document();
		assertThat(page.title()).isEqualTo("Search results for “tariff” | Newsroom");
		assertThat(page.select("#search-query").val()).isEqualTo("tariff");
		assertThat(page.select("#search-results .gazette-story-title").eachText())
			.containsExactly("New Tariffs on Steel Imports", "A Day With the Border Canine Team");
		assertThat(page.select("#search-results .gazette-snippet mark").eachText()).contains("tariffs");
		assertThat(page.select("#result-summary").text()).isEqualTo("Showing 1–2 of 2 results");
	}

	@Test
	void facetsNarrowTheResultsAndKeepTheQuery() {
		Document page = this.http.get("/search?q=tariff").document();
		var featureLink = page.select(".gazette-facet a:contains(Feature story)").first();
		assertThat(featureLink.parent().text()).isEqualTo("Feature story (1)");
		assertThat(featureLink.attr("href")).isEqualTo("/search?q=tariff&type=feature-story");
		Document narrowed = this.http.get(featureLink.attr("href")).document();
		assertThat(narrowed.select("#search-results .gazette-story-title").eachText())
			.containsExactly("A Day With the Border Canine Team");
		assertThat(narrowed.select(".gazette-active-filters a").eachAttr("href")).containsExactly("/search?q=tariff");
		Document newest = this.http.get("/search?q=tariff&sort=newest").document();
		assertThat(newest.select("#search-results .gazette-story-title").first().text())
			.isEqualTo("New Tariffs on Steel Imports");
	}

	@Test
	void saysSoWhenNothingMatchesAndSuggestsASpelling() {
		Document page = this.http.get("/search?q=tarif").document();
		assertThat(page.select(".gazette-suggestion a").text()).isEqualTo("tariffs");
		Document none = this.http.get("/search?q=zzzzqqq").document();
		assertThat(none.select(".usa-alert__text").text()).startsWith("No stories match your search.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "type=bogus", "topic=Not%20A%20Slug", "author=..%2F", "year=99", "sort=random", "page=0",
			"page=101", "page=abc" })
	void badFiltersGetAClear400(String query) {
		var response = this.http.get("/search?q=tariff&" + query);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.document().select("h1").text()).isEqualTo("We could not understand that request");
		var api = this.http.get("/api/v1/search?q=tariff&" + query);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%22unbalanced", "-", "OR", "%00%07", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
			"a%22b%22c%22", "field%3Avalue", "%E2%80%AE" })
	void oddQueriesAreAnsweredNormally(String q) {
		assertThat(this.http.get("/search?q=" + q).status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/search?q=" + q).status()).isEqualTo(200);
		assertThat(this.http.get("/search?q=" + "x".repeat(2000)).status()).isEqualTo(200);
	}

	@Test
	void theApiAnswersTheSameSearchAsJson() {
		var response = this.http.get("/api/v1/search?q=tariff&type=news-release");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).contains("*");
		assertThat(response.body()).contains("\"total\":1").contains("\"slug\":\"steel-tariffs\"").contains("<mark>");
	}

	@Test
	void aScheduledStoryIsFoundFromItsReleaseInstantAndAnUnpublishedOneNoMore() {
		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		this.stories.story("Embargoed Tariff Ruling")
			.slug("ruling")
			.body("Tariff ruling.")
			.releasedAt(release)
			.publish();
		assertThat(this.http.get("/search?q=ruling").body()).doesNotContain("Embargoed Tariff Ruling");
		assertThat(this.http.get("/api/v1/search?q=ruling").body()).contains("\"total\":0");
		this.clock.set(release);
		assertThat(this.http.get("/search?q=ruling").body()).contains("Embargoed Tariff Ruling");

		this.publishing.unpublish(this.feature);
		assertThat(this.http.get("/search?q=canine").body()).doesNotContain("Canine Team");
		assertThat(this.http.get("/api/v1/search?q=canine").body()).contains("\"total\":0");
	}

}
