package org.gazette.syndication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.publishing.Publishing;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API: lists, filters, cursors, one story, topics, authors, errors, ETags, CORS,
 * embargo.
 */
@GazetteWebTest
class ArticlesApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

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

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var jane = this.stories.author("Jane Doe");
		var trade = this.stories.topic("Trade");
		Instant start = this.clock.instant();
		for (int i = 1; i <= 7; i++) {
			var story = this.stories.story("Story " + i)
				.slug("story-" + i)
				.by(jane)
				.releasedAt(start.minus(Duration.ofHours(10 - i)));
			if (i % 2 == 0) {
				story.about(trade).type(ArticleType.STATEMENT);
			}
			story.publish();
		}
		// Two stories released at the same instant: the cursor must not lose either.
		this.stories.story("Twin A").slug("twin-a").releasedAt(start.minus(Duration.ofMinutes(30))).publish();
		this.stories.story("Twin B").slug("twin-b").releasedAt(start.minus(Duration.ofMinutes(30))).publish();
	}

	@Test
	void listsPublicStoriesNewestFirstWithFilters() {
		JsonNode all = json("/api/v1/articles");
		assertThat(slugs(all)).containsExactly("twin-b", "twin-a", "story-7", "story-6", "story-5", "story-4",
				"story-3", "story-2", "story-1");
		JsonNode first = all.get("articles").get(2);
		assertThat(first.get("url").asString()).isEqualTo("https://news.example.gov/news/story-7");
		assertThat(first.get("releasedAt").asString()).isEqualTo("2026-11-27T17:00:00Z");
		assertThat(first.get("authors").get(0).get("name").asString()).isEqualTo("Jane Doe");
		assertThat(all.get("next").isNull()).isTrue();
		assertThat(slugs(json("/api/v1/articles?type=statement"))).containsExactly("story-6", "story-4", "story-2");
		assertThat(slugs(json("/api/v1/articles?topic=trade&author=jane-doe"))).containsExactly("story-6", "story-4",
				"story-2");
		assertThat(slugs(json("/api/v1/articles?since=2026-11-27T15:00:00Z&until=2026-11-27T17:00:00Z")))
			.containsExactly("story-6", "story-5");
	}

	@Test
	void cursorPagesStayStableWhileStoriesArePublished() {
		List<String> seen = new ArrayList<>();
		JsonNode page = json("/api/v1/articles?limit=2");
		seen.addAll(slugs(page));
		int published = 0;
		while (!page.get("next").isNull()) {
			// Publishing above the reader's position must not shift or repeat what
			// follows.
			this.clock.advance(Duration.ofSeconds(1));
			this.stories.story("Breaking " + published).slug("breaking-" + published++).publish();
			page = json(page.get("nextUrl").asString());
			assertThat(page.get("articles").size()).isLessThanOrEqualTo(2);
			seen.addAll(slugs(page));
		}
		assertThat(seen).containsExactly("twin-b", "twin-a", "story-7", "story-6", "story-5", "story-4", "story-3",
				"story-2", "story-1");
	}

	@Test
	void oneStoryTopicsAndAuthors() {
		JsonNode story = json("/api/v1/articles/story-4");
		assertThat(story.get("title").asString()).isEqualTo("Story 4");
		assertThat(story.get("type").asString()).isEqualTo("statement");
		assertThat(story.get("bodyHtml").asString()).contains("<p>");
		assertThat(story.get("topics").get(0).get("slug").asString()).isEqualTo("trade");
		assertThat(json("/api/v1/topics").get("topics").get(0).get("rss").asString())
			.isEqualTo("https://news.example.gov/feeds/topics/trade.rss");
		assertThat(json("/api/v1/authors").get("authors").get(0).get("slug").asString()).isEqualTo("jane-doe");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?since=garbage", "?until=2026-13-45", "?limit=-1", "?limit=0", "?limit=100000",
			"?limit=abc", "?cursor=garbage", "?cursor=MTIzLjAuNQ.AAAAAAAAAAAA", "?type=rumour", "?topic=No%20Such",
			"?topic=nothing", "?author=nobody", "?since=2026-11-28&until=2026-11-27" })
	void badParametersAreProblemsWithADetail(String query) {
		var response = this.http.get("/api/v1/articles" + query);
		assertThat(response.status()).as(query).isEqualTo(400);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	@Test
	void aTamperedCursorIsRefused() {
		String next = json("/api/v1/articles?limit=2").get("next").asString();
		String tampered = (next.charAt(0) == 'M' ? 'N' : 'M') + next.substring(1);
		assertThat(this.http.get("/api/v1/articles?limit=2&cursor=" + tampered).status()).isEqualTo(400);
		assertThat(this.http.get("/api/v1/articles?limit=2&cursor=" + next).status()).isEqualTo(200);
	}

	@Test
	void unknownOrEmbargoedStoriesAreNotFoundUntilTheirRelease() {
		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long id = this.stories.story("Scheduled").slug("scheduled").releasedAt(release).publish();
		for (String path : new String[] { "/api/v1/articles/scheduled", "/api/v1/articles/nothing",
				"/api/v1/articles/NOT_A_SLUG" }) {
			var response = this.http.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
		}
		assertThat(slugs(json("/api/v1/articles"))).doesNotContain("scheduled");
		this.clock.set(release);
		assertThat(this.http.get("/api/v1/articles/scheduled").status()).isEqualTo(200);
		assertThat(slugs(json("/api/v1/articles"))).startsWith("scheduled");
		this.publishing.unpublish(id);
		// Taken down once public: gone, never a silent 404 (TakedownPageTests has the
		// rest).
		assertThat(this.http.get("/api/v1/articles/scheduled").status()).isEqualTo(410);
		assertThat(slugs(json("/api/v1/articles"))).doesNotContain("scheduled");
	}

	@Test
	void etagsConditionalRequestsHeadAndCors() {
		for (String path : new String[] { "/api/v1/articles", "/api/v1/articles/story-1", "/api/v1/topics",
				"/api/v1/authors", "/api/v1/openapi.json" }) {
			var response = this.http.get(path, "Origin", "https://app.example.org");
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.header("Access-Control-Allow-Origin")).as(path).contains("*");
			String etag = response.header("ETag").orElseThrow();
			assertThat(this.http.get(path, "If-None-Match", etag).status()).as(path).isEqualTo(304);
			assertThat(this.http.send("HEAD", path).status()).as(path).isEqualTo(200);
		}
		var preflight = this.http.send("OPTIONS", "/api/v1/articles", "Origin", "https://app.example.org",
				"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "If-None-Match");
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).contains("*");
	}

	private JsonNode json(String path) {
		var response = this.http.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
		return JSON.readTree(response.body());
	}

	private static List<String> slugs(JsonNode page) {
		List<String> slugs = new ArrayList<>();
		page.get("articles").forEach((article) -> slugs.add(article.get("slug").asString()));
		return slugs;
	}

}
