package org.gazette.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /news listing over real HTTP: order, item contents, filters, pagination and bad
 * parameters.
 */
@GazetteWebTest
class NewsPageTests {

	private static final ZoneId EASTERN = ZoneId.of("America/New_York");

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	Http http;

	Author jane;

	Topic trade;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		this.jane = this.stories.author("Jane Doe");
		Author ann = this.stories.author("Ann Lee");
		Author raj = this.stories.author("Raj Patel");
		this.trade = this.stories.topic("Trade");
		Topic travel = this.stories.topic("Travel");
		// 45 stories, one a day back from yesterday; every third is a feature about
		// travel.
		for (int i = 1; i <= 45; i++) {
			var story = this.stories.story("Story " + i)
				.releasedAt(
						ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, EASTERN).toInstant().minus(Duration.ofDays(i - 1)));
			if (i % 3 == 0) {
				story.type(ArticleType.FEATURE_STORY).about(travel);
			}
			else {
				story.about(this.trade);
			}
			story.by((i == 1) ? new Author[] { this.jane, ann, raj } : new Author[] { this.jane }).publish();
		}
		this.stories.story("Story from last year")
			.type(ArticleType.STATEMENT)
			.summary("An old statement.")
			.releasedAt(ZonedDateTime.of(2025, 3, 14, 9, 0, 0, 0, EASTERN).toInstant())
			.publish();
	}

	@Test
	void listsTwentyStoriesNewestFirstWithTypeDateBylineAndTeaser() {
		Document page = this.http.get("/news").document();
		assertThat(page.title()).isEqualTo("All news | Newsroom");
		assertThat(page.select("h1").text()).isEqualTo("All news");
		assertThat(page.select(".gazette-story-list > li")).hasSize(20);
		Element first = page.selectFirst(".gazette-story-list > li");
		assertThat(first.select(".gazette-story-title a").text()).isEqualTo("Story 1");
		assertThat(first.select(".gazette-story-title a").attr("href")).isEqualTo("/news/story-1");
		assertThat(first.select(".gazette-type").text()).isEqualTo("News release");
		assertThat(first.select(".gazette-meta dt").text()).isEqualTo("Release Date");
		assertThat(first.select("time").text()).isEqualTo("November 26, 2026");
		assertThat(first.select("time").attr("datetime")).isEqualTo("2026-11-26T10:00-05:00");
		assertThat(first.select(".gazette-byline-text").text()).isEqualTo("By Jane Doe, Ann Lee and Raj Patel");
		assertThat(first.select("p").last().text()).isEqualTo("Summary of Story 1.");
		assertThat(page.select(".gazette-story-list > li").get(1).select(".gazette-byline-text").text())
			.isEqualTo("By Jane Doe");
		assertThat(page.select("#result-summary").text()).isEqualTo("Showing 1–20 of 46 stories");
	}

	@Test
	void paginatesWithUswdsPagination() {
		Document first = this.http.get("/news").document();
		assertThat(first.select(".usa-pagination__button").eachText()).containsExactly("1", "2", "3");
		assertThat(first.select(".usa-pagination__button.usa-current").attr("aria-current")).isEqualTo("page");
		assertThat(first.select(".usa-pagination__previous-page")).isEmpty();
		assertThat(first.select(".usa-pagination__next-page").attr("href")).isEqualTo("/news/page/2");

		Document last = this.http.get("/news/page/3").document();
		assertThat(last.title()).isEqualTo("All news, page 3 | Newsroom");
		assertThat(last.select(".gazette-story-list > li")).hasSize(6);
		assertThat(last.select(".gazette-story-list > li").last().select("a").text()).isEqualTo("Story from last year");
		assertThat(last.select(".usa-pagination__next-page")).isEmpty();
		assertThat(last.select(".usa-pagination__previous-page").attr("href")).isEqualTo("/news/page/2");
		assertThat(last.select("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.gov/news/page/3");
	}

	@Test
	void aPagePastTheEndIsA404WithAWayBack() {
		var response = this.http.get("/news/page/4");
		assertThat(response.status()).isEqualTo(404);
		Document page = response.document();
		assertThat(page.select(".usa-alert__text").text())
			.isEqualTo("There are no stories on this page. This list has 3 pages.");
		assertThat(page.select(".usa-pagination__button").eachAttr("href")).contains("/news");
		assertThat(this.http.get("/news/page/999999").status()).isEqualTo(404);
	}

	@Test
	void filtersByTypeTopicAndYearAndShowsRemovableActiveFilters() {
		Document features = this.http.get("/news/types/feature-story").document();
		assertThat(features.select("h1").text()).isEqualTo("Feature stories");
		assertThat(features.select(".gazette-story-list > li")).hasSize(15);
		assertThat(features.select(".gazette-type").eachText()).containsOnly("Feature story");
		assertThat(features.select("#filter-type option[selected]").attr("value")).isEqualTo("feature-story");

		Document combined = this.http.get("/news?type=news-release&topic=trade&year=2026&page=2").document();
		assertThat(combined.select("h1").text()).isEqualTo("News releases about Trade from 2026");
		assertThat(combined.select("#result-summary").text()).isEqualTo("Showing 21–30 of 30 stories");
		assertThat(combined.select(".gazette-active-filters a").eachText())
			.containsExactly("Remove filter: News release", "Remove filter: Trade", "Remove filter: 2026");
		assertThat(combined.select(".gazette-active-filters a").eachAttr("href")).containsExactly(
				"/news?topic=trade&year=2026", "/news?type=news-release&year=2026",
				"/news?type=news-release&topic=trade");
		assertThat(combined.select(".usa-pagination__button").eachAttr("href")).containsExactly(
				"/news?type=news-release&topic=trade&year=2026",
				"/news?type=news-release&topic=trade&year=2026&page=2");

		Document lastYear = this.http.get("/news/years/2025").document();
		assertThat(lastYear.select(".gazette-story-title").eachText()).containsExactly("Story from last year");
		assertThat(lastYear.select("#filter-year option").eachAttr("value")).containsExactly("", "2026", "2025");
	}

	@Test
	void theFilterFormIsAPlainGetFormThatWorksWithoutJavaScript() {
		Document page = this.http.get("/news").document();
		Element form = page.selectFirst(".gazette-filters form");
		assertThat(form.attr("method")).isEqualTo("get");
		assertThat(form.attr("action")).isEqualTo("/news");
		assertThat(form.select("select").eachAttr("name")).containsExactly("type", "topic", "year");
		assertThat(form.select("label").eachAttr("for")).containsExactly("filter-type", "filter-topic", "filter-year");
		// What a browser sends when a reader leaves some menus at "Any".
		var submitted = this.http.get("/news?type=&topic=travel&year=");
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.document().select(".gazette-story-list > li")).hasSize(15);
		// A choice that has an address of its own is sent there.
		var kind = this.http.get("/news?type=feature-story&topic=&year=");
		assertThat(kind.status()).isEqualTo(301);
		assertThat(kind.header("Location")).contains("/news/types/feature-story");
	}

	@Test
	void aValidYearWithoutStoriesGivesAnEmptyResultPage() {
		var response = this.http.get("/news/years/2001");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.document().select(".usa-alert__text").text())
			.isEqualTo("No stories match these filters. Remove a filter to see more.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=0", "page=-1", "page=abc", "page=1.5", "page=99999999999999999999", "page=%00",
			"page=1&page=2", "type=press-release", "type=NEWS-RELEASE", "type=%3Cscript%3E", "topic=no-such-topic",
			"topic=..%2F..%2Fetc", "topic=%27%20OR%201%3D1--", "year=26", "year=1899", "year=abcd", "year=20260",
			"year=2026-01" })
	void malformedOrUnknownParametersGetAClear400(String query) {
		var response = this.http.get("/news?" + query);
		assertThat(response.status()).isEqualTo(400);
		Document page = response.document();
		assertThat(page.select("h1").text()).isEqualTo("We could not understand that request");
		assertThat(page.select(".usa-banner")).hasSize(1);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void theHomePageShowsTheTenLatestStoriesAndLinksToAllNews() {
		Document home = this.http.get("/").document();
		assertThat(home.title()).isEqualTo("Newsroom");
		assertThat(home.select(".gazette-story-title")).hasSize(10);
		assertThat(home.select(".gazette-story-title").first().text()).isEqualTo("Story 1");
		assertThat(home.select("a.usa-button[href=/news]").text()).isEqualTo("See all news");
	}

	@Test
	void anEmptyNewsroomSaysSoInsteadOfShowingNothing() {
		this.newsroom.reset();
		assertThat(this.http.get("/news").document().select(".usa-alert__text").text())
			.isEqualTo("No stories have been published yet.");
		assertThat(this.http.get("/").document().select("main p").first().text())
			.isEqualTo("No stories have been published yet.");
	}

	@Test
	void listingPagesHaveUniqueTitles() {
		assertThat(java.util.stream.Stream
			.of("/", "/news", "/news/page/2", "/news/types/feature-story", "/news?topic=trade", "/news/years/2025",
					"/authors/jane-doe", "/topics/trade", "/topics/trade/page/2")
			.map((path) -> this.http.get(path).document().title())).doesNotHaveDuplicates();
	}

	static Instant at(int year, int month, int day) {
		return ZonedDateTime.of(year, month, day, 12, 0, 0, 0, EASTERN).toInstant();
	}

}
