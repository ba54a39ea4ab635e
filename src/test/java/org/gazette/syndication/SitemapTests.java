package org.gazette.syndication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.gazette.content.Content;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.Publishing;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The sitemap index, its children, the news sitemap and robots.txt. */
@GazetteWebTest
class SitemapTests {

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

	@Autowired
	Newsroom publicNewsroom;

	@Autowired
	Content content;

	@Autowired
	SiteUrls urls;

	@Autowired
	GazetteProperties properties;

	Http http;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var jane = this.stories.author("Jane Doe");
		var trade = this.stories.topic("Trade");
		this.stories.story("Old & <gold>")
			.slug("old")
			.by(jane)
			.about(trade)
			.releasedAt(this.clock.instant().minus(Duration.ofDays(10)))
			.publish();
		this.stories.story("Fresh \"news\" \uD83D\uDE80")
			.slug("fresh")
			.by(jane)
			.releasedAt(this.clock.instant().minus(Duration.ofHours(1)))
			.publish();
		this.stories.story("Embargoed")
			.slug("embargoed")
			.releasedAt(this.clock.instant().plus(Duration.ofHours(1)))
			.publish();
	}

	@Test
	void theIndexNamesEveryChildAndEachChildListsPublicAddressesWithLastmod() throws Exception {
		var index = this.http.get("/sitemap.xml");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.header("Content-Type").orElseThrow()).startsWith("application/xml");
		Document xml = FeedTests.strictlyParsed(index.body());
		assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(Sitemaps.SITEMAP_NS);
		assertThat(index.body())
			.contains("<loc>https://news.example.gov/sitemaps/pages.xml</loc>",
					"<loc>https://news.example.gov/sitemaps/stories-1.xml</loc>",
					"<loc>https://news.example.gov/sitemaps/news.xml</loc>", "<lastmod>2026-11-27T19:00:00Z</lastmod>")
			.doesNotContain("stories-2.xml");

		String stories = this.http.get("/sitemaps/stories-1.xml").body();
		FeedTests.strictlyParsed(stories);
		assertThat(stories)
			.contains("<loc>https://news.example.gov/news/old</loc><lastmod>2026-11-17T20:00:00Z</lastmod>",
					"<loc>https://news.example.gov/news/fresh</loc>")
			.doesNotContain("embargoed");
		String pages = this.http.get("/sitemaps/pages.xml").body();
		FeedTests.strictlyParsed(pages);
		assertThat(pages).contains("https://news.example.gov/news/types/statement",
				"https://news.example.gov/topics/trade", "https://news.example.gov/authors/jane-doe");
		assertThat(this.http.get("/sitemaps/stories-2.xml").status()).isEqualTo(404);
		assertThat(this.http.get("/sitemaps/stories-99999999999.xml").status()).isEqualTo(404);
	}

	@Test
	void theNewsSitemapHoldsTheLastTwoDaysWithEscapedTitles() throws Exception {
		String news = this.http.get("/sitemaps/news.xml").body();
		Document xml = FeedTests.strictlyParsed(news);
		assertThat(xml.getElementsByTagNameNS(Sitemaps.NEWS_NS, "title").item(0).getTextContent())
			.isEqualTo("Fresh \"news\" \uD83D\uDE80");
		assertThat(news).contains("https://news.example.gov/news/fresh").doesNotContain("/news/old", "embargoed");
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.http.get("/sitemaps/news.xml").body()).contains("/news/embargoed");
	}

	@Test
	void storiesAreSplitIntoChildSitemapsOfTheConfiguredSize() {
		for (int i = 0; i < 3; i++) {
			this.stories.story("More " + i).releasedAt(this.clock.instant().minus(Duration.ofMinutes(i + 1))).publish();
		}
		Sitemaps small = new Sitemaps(this.publicNewsroom, this.content, this.urls, this.properties,
				new SyndicationProperties(2, 50), this.clock);
		assertThat(small.storySitemaps()).isEqualTo(3);
		String index = new String(small.index().body());
		assertThat(index).contains("stories-1.xml", "stories-2.xml", "stories-3.xml").doesNotContain("stories-4.xml");
		int urls = 0;
		for (int n = 1; n <= 3; n++) {
			String slice = new String(small.stories(n).body());
			int count = slice.split("<url>", -1).length - 1;
			assertThat(count).isLessThanOrEqualTo(2);
			urls += count;
		}
		assertThat(urls).isEqualTo(5);
		assertThat(small.stories(4)).isNull();
	}

	@Test
	void robotsPointsAtTheSitemaps() {
		var robots = this.http.get("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.header("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(robots.body()).contains("Sitemap: https://news.example.gov/sitemap.xml",
				"Sitemap: https://news.example.gov/sitemaps/news.xml", "Disallow: /admin/");
	}

}
