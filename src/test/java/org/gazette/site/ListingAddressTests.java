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
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing pages have path-style addresses that a static host can hold as files
 * ({@code /news/page/2}, {@code /news/types/statement}, {@code /news/years/2025},
 * {@code /topics/trade/page/2}, {@code /authors/jane-doe/page/2}); the pages link to
 * them, and the old query addresses answer with a permanent redirect.
 */
@GazetteWebTest
class ListingAddressTests {

	private static final ZoneId EASTERN = ZoneId.of("America/New_York");

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	Http http;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		Author jane = this.stories.author("Jane Doe");
		Topic trade = this.stories.topic("Trade");
		// 45 stories in 2026, every other one a statement, all about trade by Jane; one
		// in
		// 2025.
		for (int i = 1; i <= 45; i++) {
			this.stories.story("Story " + i)
				.type((i % 2 == 0) ? ArticleType.STATEMENT : ArticleType.NEWS_RELEASE)
				.by(jane)
				.about(trade)
				.releasedAt(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, EASTERN).toInstant().minus(Duration.ofDays(i)))
				.publish();
		}
		this.stories.story("Old statement")
			.type(ArticleType.STATEMENT)
			.releasedAt(Instant.parse("2025-03-14T14:00:00Z"))
			.publish();
	}

	@ParameterizedTest
	@CsvSource({ "/news/page/2, All news, 2, /news, /news/page/3", "/news/page/3, All news, 3, /news/page/2, ",
			"/news/types/statement, Statements, 1, , /news/types/statement/page/2",
			"/news/types/statement/page/2, Statements, 2, /news/types/statement, ",
			"/news/years/2026/page/2, All news from 2026, 2, /news/years/2026, /news/years/2026/page/3",
			"/topics/trade/page/2, Trade, 2, /topics/trade, /topics/trade/page/3",
			"/authors/jane-doe/page/3, Jane Doe, 3, /authors/jane-doe/page/2, " })
	void listingPagesHaveTheirOwnAddressesAndTheirPagersLinkToThem(String path, String heading, int page,
			String previous, String next) {
		var response = this.http.get(path);
		assertThat(response.status()).isEqualTo(200);
		Document document = response.document();
		assertThat(document.select("h1").text()).isEqualTo(heading);
		assertThat(document.select("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.gov" + path);
		assertThat(document.select(".usa-pagination__button.usa-current").text()).isEqualTo(Integer.toString(page));
		assertThat(document.select(".usa-pagination__previous-page").attr("href"))
			.isEqualTo((previous != null) ? previous : "");
		assertThat(document.select(".usa-pagination__next-page").attr("href")).isEqualTo((next != null) ? next : "");
		assertThat(document.select(".usa-pagination a"))
			.allSatisfy((link) -> assertThat(link.attr("href")).doesNotContain("?"));
	}

	@Test
	void theNavigationLinksToEachKindsOwnAddress() {
		Document home = this.http.get("/").document();
		assertThat(home.select(".usa-nav__primary a").eachAttr("href")).containsExactly("/", "/news",
				"/news/types/news-release", "/news/types/feature-story", "/news/types/announcement",
				"/news/types/statement");
		Document statements = this.http.get("/news/types/statement").document();
		assertThat(statements.select(".usa-nav__primary a.usa-current").attr("href"))
			.isEqualTo("/news/types/statement");
		assertThat(statements.select(".gazette-active-filters a").eachAttr("href")).containsExactly("/news");
	}

	@ParameterizedTest
	@CsvSource({ "/news?page=2, /news/page/2", "/news?page=1, /news", "/news?type=statement, /news/types/statement",
			"/news?type=statement&page=2, /news/types/statement/page/2", "/news?year=2025, /news/years/2025",
			"/news?year=2026&page=3, /news/years/2026/page/3", "/news?type=&topic=&year=, /news",
			"/news?page=2&utm_source=mail, /news/page/2", "/news/page/1, /news", "/news/page/02, /news/page/2",
			"/news/types/statement/page/1, /news/types/statement", "/topics/trade?page=2, /topics/trade/page/2",
			"/topics/trade?page=1, /topics/trade", "/topics/trade/page/1, /topics/trade",
			"/authors/jane-doe?page=2, /authors/jane-doe/page/2", "/authors/jane-doe/page/01, /authors/jane-doe" })
	void oldAndOddAddressesRedirectPermanentlyToTheOneAddressOfThePage(String from, String to) {
		var response = this.http.get(from);
		assertThat(response.status()).as(from).isEqualTo(301);
		assertThat(response.header("Location").orElseThrow()).as(from).endsWith(to).doesNotEndWith("/" + to);
		assertThat(this.http.get(to).status()).as(to).isEqualTo(200);
	}

	@Test
	void combinationsWithoutAnAddressOfTheirOwnAreStillServedAtTheirQueryAddress() {
		var response = this.http.get("/news?type=statement&topic=trade");
		assertThat(response.status()).isEqualTo(200);
		Document page = response.document();
		assertThat(page.select("h1").text()).isEqualTo("Statements about Trade");
		assertThat(page.select(".usa-pagination__next-page").attr("href"))
			.isEqualTo("/news?type=statement&topic=trade&page=2");
		assertThat(this.http.get("/news?type=statement&year=2026&page=2").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/news/page/0", "/news/page/x", "/news/page/4", "/news/page/99999999999",
			"/news/types/opinion", "/news/types/STATEMENT", "/news/years/1800", "/news/years/26",
			"/news/years/2001/page/2", "/topics/trade/page/9", "/topics/no-such-topic/page/2", "/topics/Trade/page/2",
			"/authors/nobody/page/2", "/news/types/statement/page/9" })
	void pathAddressesOfPagesThatDoNotExistAre404s(String path) {
		var response = this.http.get(path);
		assertThat(response.status()).as(path).isEqualTo(404);
		assertThat(response.document().select(".usa-banner")).hasSize(1);
	}

	@Test
	void theFormsGoToThisSiteByDefault() {
		Document page = this.http.get("/news").document();
		assertThat(page.select("form[role=search]").attr("action")).isEqualTo("/search");
		assertThat(page.select(".gazette-filters form").attr("action")).isEqualTo("/news");
	}

}
