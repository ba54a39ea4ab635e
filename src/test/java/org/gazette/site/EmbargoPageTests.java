package org.gazette.site;

import java.time.Duration;
import java.time.Instant;

import org.gazette.publishing.Publishing;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embargo on every public page: a scheduled story is nowhere before its release
 * instant and everywhere at it, even though the pages it appears on were cached before.
 */
@GazetteWebTest
class EmbargoPageTests {

	private static final String[] PAGES = { "/", "/news", "/news/types/news-release", "/authors/jane-doe",
			"/topics/trade" };

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
	}

	@Test
	void aScheduledStoryAppearsOnEveryPageAtItsReleaseInstantAndNotBefore() {
		var jane = this.stories.author("Jane Doe");
		var trade = this.stories.topic("Trade");
		this.stories.story("Already out").by(jane).about(trade).publish();
		Instant release = this.clock.instant().plus(Duration.ofHours(3));
		this.stories.story("Embargoed Tariff Decision")
			.slug("tariff-decision")
			.by(jane)
			.about(trade)
			.releasedAt(release)
			.publish();

		// Warm every page into the cache while the story is embargoed.
		for (String page : PAGES) {
			assertThat(this.http.get(page).body()).as(page).contains("Already out").doesNotContain("Embargoed Tariff");
		}
		assertThat(this.http.get("/news/tariff-decision").status()).isEqualTo(404);

		this.clock.set(release.minusMillis(1));
		for (String page : PAGES) {
			assertThat(this.http.get(page).body()).as(page).doesNotContain("Embargoed Tariff");
		}
		assertThat(this.http.get("/news/tariff-decision").status()).isEqualTo(404);

		this.clock.set(release);
		for (String page : PAGES) {
			assertThat(this.http.get(page).body()).as(page).contains("Embargoed Tariff Decision");
		}
		assertThat(this.http.get("/news/tariff-decision").status()).isEqualTo(200);
	}

	@Test
	void anUnpublishedStoryLeavesCachedPagesAtOnce() {
		var jane = this.stories.author("Jane Doe");
		this.stories.topic("Trade");
		long id = this.stories.story("Published in error").slug("error").by(jane).publish();
		assertThat(this.http.get("/news").body()).contains("Published in error");
		assertThat(this.http.get("/news/error").status()).isEqualTo(200);

		this.publishing.unpublish(id);
		assertThat(this.http.get("/news").body()).doesNotContain("Published in error");
		assertThat(this.http.get("/authors/jane-doe").body()).doesNotContain("Published in error");
		// Gone, never a silent 404 (TakedownPageTests has every kind of takedown).
		assertThat(this.http.get("/news/error").status()).isEqualTo(410);
	}

	@Test
	void aConditionalRequestAfterTheReleaseGetsTheNewPage() {
		this.stories.author("Jane Doe");
		Instant release = this.clock.instant().plus(Duration.ofMinutes(5));
		this.stories.story("Scheduled").releasedAt(release).publish();
		String etag = this.http.get("/news").header("ETag").orElseThrow();
		assertThat(this.http.get("/news", "If-None-Match", etag).status()).isEqualTo(304);
		this.clock.set(release);
		var after = this.http.get("/news", "If-None-Match", etag);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).contains("Scheduled");
	}

}
