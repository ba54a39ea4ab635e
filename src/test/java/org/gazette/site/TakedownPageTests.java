package org.gazette.site;

import java.time.Duration;
import java.util.List;

import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.Takedown;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a story's address answers after it is taken down or moved, over real HTTP: the
 * page, every listing, search, the feeds, the sitemaps and the API; and the redirects
 * admins keep, answering only where nothing else does.
 */
@GazetteWebTest
class TakedownPageTests {

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
	Content content;

	@Autowired
	Redirects redirects;

	Http http;

	Author jane;

	Topic trade;

	long story;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		this.jane = this.stories.author("Jane Doe");
		this.trade = this.stories.topic("Trade");
		this.stories.story("Port Hours Extended")
			.slug("port-hours")
			.by(this.jane)
			.about(this.trade)
			.body("Longer hours at the port.")
			.releasedAt(this.clock.instant().minus(Duration.ofDays(2)))
			.publish();
		this.story = this.stories.story("Zanzibar Spice Shipment Cleared")
			.slug("spice-shipment")
			.by(this.jane)
			.about(this.trade)
			.body("The zanzibar shipment cleared customs.")
			.releasedAt(this.clock.instant().minus(Duration.ofDays(1)))
			.publish();
		assertInEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void goneAnswers410InTheSiteStyleWithTheExplanationEscapedAndTheDates() {
		this.publishing.takeDown(this.story, Takedown.gone("Sent in error <script>alert(1)</script>"), "publisher");
		var response = this.http.get("/news/spice-shipment");
		assertThat(response.status()).isEqualTo(410);
		Document page = response.document();
		assertThat(page.select("h1").text()).isEqualTo("This story has been removed");
		assertThat(page.title()).isEqualTo("This story has been removed | Newsroom");
		assertThat(page.select(".gazette-gone-explanation").text())
			.isEqualTo("Sent in error <script>alert(1)</script>");
		assertThat(response.body()).doesNotContain("<script>alert(1)");
		assertThat(page.select("dl.gazette-meta").text())
			.isEqualTo("Published November 26, 2026 Removed November 27, 2026");
		assertThat(page.select("a[href=/news]")).isNotEmpty();
		assertThat(page.text()).doesNotContain("Zanzibar");
		assertGoneFromEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");

		var api = this.http.get("/api/v1/articles/spice-shipment");
		assertThat(api.status()).isEqualTo(410);
		assertThat(api.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(api.body()).get("detail").asString()).isEqualTo("Sent in error <script>alert(1)</script>");
	}

	@Test
	void aRedirectAnswers301ToTheGivenAddressOnThePageAndInTheApi() {
		this.publishing.takeDown(this.story, Takedown.redirectTo("https://www.example.gov/spices?from=news"),
				"publisher");
		var page = this.http.get("/news/spice-shipment");
		assertThat(page.status()).isEqualTo(301);
		assertThat(page.header("Location")).contains("https://www.example.gov/spices?from=news");
		assertThat(page.header("Cache-Control")).contains("no-cache");
		var api = this.http.get("/api/v1/articles/spice-shipment");
		assertThat(api.status()).isEqualTo(301);
		assertThat(api.header("Location")).contains("https://www.example.gov/spices?from=news");
		assertGoneFromEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");

		// A story page of this site: the API sends clients to that story's API address.
		this.publishing.takeDown(this.story, Takedown.redirectTo("/news/port-hours"), "publisher");
		assertThat(this.http.get("/news/spice-shipment").header("Location")).contains("/news/port-hours");
		assertThat(this.http.get("/api/v1/articles/spice-shipment").header("Location"))
			.contains("/api/v1/articles/port-hours");
	}

	@Test
	void aConsolidatedStoryAnswers301ToItsTargetsCurrentAddress() {
		this.publishing.takeDown(this.story, Takedown.consolidatedInto("/news/port-hours"), "publisher");
		assertThat(this.http.get("/news/spice-shipment").header("Location")).contains("/news/port-hours");
		assertThat(this.http.get("/api/v1/articles/spice-shipment").status()).isEqualTo(301);
		assertThat(this.http.get("/api/v1/articles/spice-shipment").header("Location"))
			.contains("/api/v1/articles/port-hours");
		assertGoneFromEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");

		long target = this.content.articleIdBySlug("port-hours").orElseThrow();
		this.content.changeSlug(target, "port-hours-extended", "publisher");
		var answer = this.http.get("/news/spice-shipment");
		assertThat(answer.status()).isEqualTo(301);
		assertThat(answer.header("Location")).contains("/news/port-hours-extended");
	}

	@Test
	void aWithdrawnStoryStaysReadableUnderItsNoticeAndLeavesEveryChannel() {
		this.publishing.takeDown(this.story, Takedown.withdrawn("The shipment was <recalled>."), "publisher");
		var response = this.http.get("/news/spice-shipment");
		assertThat(response.status()).isEqualTo(200);
		Document page = response.document();
		assertThat(page.select("article h1").text()).isEqualTo("Zanzibar Spice Shipment Cleared");
		assertThat(page.select(".gazette-body").text()).contains("The zanzibar shipment cleared customs.");
		assertThat(page.select(".usa-alert--warning .usa-alert__heading").text())
			.isEqualTo("This story has been withdrawn");
		assertThat(page.select(".usa-alert--warning .usa-alert__text").text())
			.isEqualTo("Withdrawn on November 27, 2026: The shipment was <recalled>.");
		assertThat(page.select(".usa-alert--warning time").attr("datetime")).startsWith("2026-11-27T17:00");
		assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(page.select("script[type=application/ld+json]")).isEmpty();
		assertThat(page.select("link[rel=canonical]").attr("href"))
			.isEqualTo("https://news.example.gov/news/spice-shipment");
		// Served again from the page cache, the same.
		assertThat(this.http.get("/news/spice-shipment").body()).isEqualTo(response.body());
		assertGoneFromEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");

		var api = this.http.get("/api/v1/articles/spice-shipment");
		assertThat(api.status()).isEqualTo(200);
		JsonNode article = json(api.body());
		assertThat(article.get("title").asString()).isEqualTo("Zanzibar Spice Shipment Cleared");
		assertThat(article.get("withdrawn").get("reason").asString()).isEqualTo("The shipment was <recalled>.");
		assertThat(article.get("withdrawn").get("at").asString()).isEqualTo("2026-11-27T22:00:00Z");
		// A public story has no such object.
		assertThat(json(this.http.get("/api/v1/articles/port-hours").body()).has("withdrawn")).isFalse();
	}

	@Test
	void publishingAgainAfterATakedownRestoresNormalServing() {
		this.publishing.takeDown(this.story, Takedown.withdrawn("Under review."), "publisher");
		assertGoneFromEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");
		this.publishing.takeDown(this.story, Takedown.gone(null), "publisher");
		assertThat(this.http.get("/news/spice-shipment").status()).isEqualTo(410);

		this.clock.advance(Duration.ofHours(1));
		this.publishing.publish(this.story, null);
		var response = this.http.get("/news/spice-shipment");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.document().select(".usa-alert--warning")).isEmpty();
		assertThat(response.document().select("meta[name=robots]")).isEmpty();
		assertInEveryChannel("spice-shipment", "Zanzibar Spice Shipment Cleared");
		assertThat(json(this.http.get("/api/v1/articles/spice-shipment").body()).has("withdrawn")).isFalse();
	}

	@Test
	void everyEarlierAddressAnswers301ToTheCurrentOne() {
		// Cached under its first address before it moves.
		assertThat(this.http.get("/news/spice-shipment").status()).isEqualTo(200);
		this.content.changeSlug(this.story, "spice-b", "publisher");
		this.content.changeSlug(this.story, "spice-c", "publisher");
		for (String old : List.of("spice-shipment", "spice-b")) {
			var page = this.http.get("/news/" + old);
			assertThat(page.status()).as(old).isEqualTo(301);
			assertThat(page.header("Location")).as(old).contains("/news/spice-c");
			var api = this.http.get("/api/v1/articles/" + old);
			assertThat(api.status()).as(old).isEqualTo(301);
			assertThat(api.header("Location")).as(old).contains("/api/v1/articles/spice-c");
		}
		assertThat(this.http.get("/news/spice-c").status()).isEqualTo(200);
		assertThat(this.http.get("/feeds/all.atom").body()).contains("/news/spice-c").doesNotContain("/news/spice-b");
		assertThat(this.http.get("/sitemaps/stories-1.xml").body()).contains("/news/spice-c")
			.doesNotContain("/news/spice-shipment");
		assertThat(this.http.get("/news/no-such-story").status()).isEqualTo(404);
	}

	@Test
	void aRedirectAnswersOnlyWhereNothingElseDoes() {
		this.redirects.add("/2019/05/old-post/", "/news/port-hours", "admin");
		this.redirects.add("/news/old-permalink", "https://archive.example.gov/post", "admin");
		// (A doubled slash never gets here: the security firewall refuses it first.)
		for (String path : List.of("/2019/05/old-post", "/2019/05/old-post/", "/2019/05/old%2Dpost")) {
			var answer = this.http.get(path);
			assertThat(answer.status()).as(path).isEqualTo(301);
			assertThat(answer.header("Location")).as(path).contains("/news/port-hours");
		}
		assertThat(this.http.send("HEAD", "/2019/05/old-post").status()).isEqualTo(301);
		assertThat(this.http.get("/news/old-permalink").header("Location"))
			.contains("https://archive.example.gov/post");
		assertThat(this.http.send("POST", "/2019/05/old-post").status()).isNotEqualTo(301);
		assertThat(this.http.get("/2019/05/other-post").status()).isEqualTo(404);

		long id = this.redirects.list("old-post", 1).redirects().get(0).id();
		this.redirects.remove(id);
		assertThat(this.http.get("/2019/05/old-post").status()).isEqualTo(404);
	}

	private void assertGoneFromEveryChannel(String slug, String title) {
		String word = "zanzibar";
		for (String page : List.of("/", "/news", "/topics/trade", "/authors/jane-doe")) {
			assertThat(this.http.get(page).body()).as(page).doesNotContain(title).contains("Port Hours Extended");
		}
		assertThat(this.http.get("/search?q=" + word).document().select("#search-results .gazette-story-title"))
			.isEmpty();
		assertThat(this.http.get("/api/v1/search?q=" + word).body()).doesNotContain(slug);
		for (String channel : List.of("/feeds/all.rss", "/feeds/all.atom", "/feeds/topics/trade.rss",
				"/feeds/authors/jane-doe.atom", "/sitemaps/stories-1.xml", "/sitemaps/news.xml", "/api/v1/articles",
				"/api/v1/articles?topic=trade")) {
			var answer = this.http.get(channel);
			assertThat(answer.status()).as(channel).isEqualTo(200);
			assertThat(answer.body()).as(channel).doesNotContain(slug).doesNotContain(title);
		}
	}

	private void assertInEveryChannel(String slug, String title) {
		for (String page : List.of("/", "/news", "/topics/trade", "/authors/jane-doe")) {
			assertThat(this.http.get(page).body()).as(page).contains(title);
		}
		assertThat(this.http.get("/search?q=zanzibar")
			.document()
			.select("#search-results .gazette-story-title")
			.eachText()).containsExactly(title);
		for (String channel : List.of("/feeds/all.rss", "/feeds/all.atom", "/feeds/topics/trade.rss",
				"/feeds/authors/jane-doe.atom", "/sitemaps/stories-1.xml", "/api/v1/articles")) {
			assertThat(this.http.get(channel).body()).as(channel).contains(slug);
		}
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

}
