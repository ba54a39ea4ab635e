package org.gazette.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;
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

import static org.assertj.core.api.Assertions.assertThat;

/** A story's page, an author's page and a topic's page over real HTTP. */
@GazetteWebTest
class StoryPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	@Autowired
	Content content;

	@Autowired
	Publishing publishing;

	Http http;

	Author jane;

	Author ann;

	Topic trade;

	Topic travel;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		this.jane = this.stories.author("Jane Doe");
		this.ann = this.stories.author("Ann Lee");
		this.trade = this.stories.topic("Trade");
		this.travel = this.stories.topic("Travel");
	}

	@Test
	void showsTitleTypeDateBylinesBodyWithDatelineAndTopics() {
		this.stories.story("New Lanes Open at Laredo")
			.slug("new-lanes")
			.dateline("LAREDO, Texas")
			.summary("Four lanes cut wait times.")
			.body("Four lanes opened today.\n\n## Details\n\n| Lane | Hours |\n|---|---|\n| 9 | 6-22 |\n\n> \"Good news,\" said the director.")
			.by(this.jane, this.ann)
			.about(this.trade, this.travel)
			.releasedAt(Instant.parse("2026-11-24T15:30:00Z"))
			.publish();
		Document page = this.http.get("/news/new-lanes").document();
		assertThat(page.title()).isEqualTo("New Lanes Open at Laredo | Newsroom");
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("Four lanes cut wait times.");
		assertThat(page.select("link[rel=canonical]").attr("href"))
			.isEqualTo("https://news.example.gov/news/new-lanes");
		assertThat(page.select("article h1").text()).isEqualTo("New Lanes Open at Laredo");
		assertThat(page.select("article .gazette-type").text()).isEqualTo("News release");
		assertThat(page.select("article dl").text()).isEqualTo("Release Date November 24, 2026");
		assertThat(page.select(".gazette-byline").text()).isEqualTo("By Jane Doe and Ann Lee");
		assertThat(page.select(".gazette-byline a").eachAttr("href")).containsExactly("/authors/jane-doe",
				"/authors/ann-lee");
		assertThat(page.select(".gazette-body p").first().text()).isEqualTo("LAREDO, Texas — Four lanes opened today.");
		assertThat(page.select(".gazette-body .gazette-dateline").text()).isEqualTo("LAREDO, Texas");
		assertThat(page.select(".gazette-body h2").text()).isEqualTo("Details");
		assertThat(page.select(".gazette-body table.usa-table td").eachText()).containsExactly("9", "6-22");
		assertThat(page.select(".gazette-body blockquote").text()).isEqualTo("\"Good news,\" said the director.");
		assertThat(page.select(".gazette-topics a").eachAttr("href")).containsExactly("/topics/trade",
				"/topics/travel");
		assertThat(page.select("h1")).hasSize(1);
	}

	@Test
	void onlyNewsReleasesShowTheirDateline() {
		this.stories.story("A Feature")
			.slug("a-feature")
			.type(ArticleType.FEATURE_STORY)
			.dateline("EL PASO, Texas")
			.body("Inside the port.")
			.publish();
		Document page = this.http.get("/news/a-feature").document();
		assertThat(page.select(".gazette-body p").first().text()).isEqualTo("Inside the port.");
		assertThat(page.select(".gazette-byline")).isEmpty();
	}

	@Test
	void showsLastUpdatedOnlyWhenThePublicRevisionChangedAfterRelease() {
		Instant released = this.clock.instant().minus(Duration.ofDays(2));
		long id = this.stories.story("Port Reopens").slug("port-reopens").releasedAt(released).publish();
		assertThat(this.http.get("/news/port-reopens").document().select("article dl").text())
			.isEqualTo("Release Date November 25, 2026");

		this.content.revise(id, new RevisionDraft(ArticleType.NEWS_RELEASE, "Port Reopens Early", "Summary.", null,
				"Updated body.", List.of(), List.of(), ChangeKind.MAJOR, "Corrected the date."), "editor");
		assertThat(this.http.get("/news/port-reopens").document().select("article h1").text())
			.as("a draft on top of a published story is not public")
			.isEqualTo("Port Reopens");

		this.clock.set(java.time.Instant.parse("2026-11-28T14:00:00Z"));
		this.publishing.publish(id, null);
		Document page = this.http.get("/news/port-reopens").document();
		assertThat(page.select("article h1").text()).isEqualTo("Port Reopens Early");
		assertThat(page.select("article dl").text())
			.isEqualTo("Release Date November 25, 2026 Last updated November 28, 2026");
	}

	@Test
	void majorUpdatesFormTheChangeHistoryAndMinorOnesAreSilent() {
		Instant released = Instant.parse("2026-11-25T15:00:00Z");
		this.clock.set(released);
		long id = this.stories.story("Port Reopens").slug("port-reopens").publish();

		this.clock.set(Instant.parse("2026-11-26T15:00:00Z"));
		update(id, "Port Reopens", ChangeKind.MINOR, "Fixed a typo.");
		Document minor = this.http.get("/news/port-reopens").document();
		assertThat(minor.select("article dl").text()).isEqualTo("Release Date November 25, 2026");
		assertThat(minor.select(".gazette-history")).isEmpty();
		assertThat(dateModified(minor)).isEqualTo("2026-11-25T10:00-05:00");

		this.clock.set(Instant.parse("2026-11-27T15:00:00Z"));
		update(id, "Port Reopens Early", ChangeKind.MAJOR, "Corrected the number of attendees.");
		this.clock.set(Instant.parse("2026-12-02T15:00:00Z"));
		update(id, "Port Reopens Early Today", ChangeKind.MAJOR, null);
		this.clock.set(Instant.parse("2026-12-03T15:00:00Z"));
		update(id, "Port Reopens Early Today", ChangeKind.MINOR, "Silent again.");

		Document page = this.http.get("/news/port-reopens").document();
		assertThat(page.select("article dl").text())
			.isEqualTo("Release Date November 25, 2026 Last updated December 2, 2026");
		assertThat(page.select(".gazette-history h2").text()).isEqualTo("Updates to this story");
		assertThat(page.select(".gazette-history li").eachText()).containsExactly("Updated December 2, 2026",
				"Updated November 27, 2026: Corrected the number of attendees.");
		assertThat(page.select(".gazette-history time").eachAttr("datetime")).containsExactly("2026-12-02T10:00-05:00",
				"2026-11-27T10:00-05:00");
		assertThat(page.text()).doesNotContain("Fixed a typo.", "Silent again.");
		assertThat(dateModified(page)).isEqualTo("2026-12-02T10:00-05:00");
	}

	@Test
	void publishingAgainBeforeReleaseIsNoUpdate() {
		Instant release = this.clock.instant().plus(Duration.ofDays(1));
		long id = this.stories.story("Scheduled").slug("scheduled").releasedAt(release).publish();
		this.content.revise(id, new RevisionDraft(ArticleType.NEWS_RELEASE, "Scheduled, Corrected", "Summary.", null,
				"Body.", List.of(), List.of(), ChangeKind.MAJOR, "Fixed before anyone saw it."), "editor");
		this.publishing.publish(id, release);
		assertThat(this.http.get("/news/scheduled").status()).isEqualTo(404);
		this.clock.set(release.plus(Duration.ofHours(1)));
		Document page = this.http.get("/news/scheduled").document();
		assertThat(page.select("article h1").text()).isEqualTo("Scheduled, Corrected");
		assertThat(page.select(".gazette-history")).isEmpty();
		assertThat(page.select("article dl").text()).doesNotContain("Last updated");
	}

	private void update(long id, String title, ChangeKind kind, String note) {
		this.content.revise(id, new RevisionDraft(ArticleType.NEWS_RELEASE, title, "Summary.", null, "Body.", List.of(),
				List.of(), kind, note), "editor");
		this.publishing.publish(id, null);
	}

	private static String dateModified(Document page) {
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(page.select("script[type=application/ld+json]").html())
			.get("dateModified")
			.asString();
	}

	@Test
	void draftsAndUnknownStoriesAre404() {
		this.stories.story("Just a Draft").slug("just-a-draft").draft();
		assertThat(this.http.get("/news/just-a-draft").status()).isEqualTo(404);
		assertThat(this.http.get("/news/no-such-story").status()).isEqualTo(404);
		assertThat(this.http.get("/news/UPPER-Case").status()).isEqualTo(404);
		assertThat(this.http.get("/news/%2e%2e%2fadmin").status()).isIn(400, 404);
		assertThat(this.http.get("/news/" + "a".repeat(5000)).status()).isIn(400, 404);
	}

	@Test
	void authorPageShowsTheProfileThenTheirStoriesPaginated() {
		for (int i = 1; i <= 22; i++) {
			this.stories.story("Jane story " + i)
				.by(this.jane)
				.releasedAt(this.clock.instant().minus(Duration.ofDays(i)))
				.publish();
		}
		this.stories.story("Ann story").by(this.ann).publish();
		Document page = this.http.get("/authors/jane-doe").document();
		assertThat(page.title()).isEqualTo("Jane Doe | Newsroom");
		assertThat(page.select("h1").text()).isEqualTo("Jane Doe");
		assertThat(page.select(".usa-intro").text()).isEqualTo("Public Affairs Specialist");
		assertThat(page.select(".gazette-body").text()).contains("Writes about Jane Doe's beat.");
		assertThat(page.select(".gazette-story-list > li")).hasSize(20);
		assertThat(page.select(".gazette-story-title").eachText()).doesNotContain("Ann story");
		Document second = this.http.get("/authors/jane-doe/page/2").document();
		assertThat(second.title()).isEqualTo("Jane Doe, page 2 | Newsroom");
		assertThat(second.select(".gazette-story-title").eachText()).containsExactly("Jane story 21", "Jane story 22");
		assertThat(this.http.get("/authors/jane-doe/page/3").status()).isEqualTo(404);
		assertThat(this.http.get("/authors/jane-doe?page=x").status()).isEqualTo(400);
		assertThat(this.http.get("/authors/nobody").status()).isEqualTo(404);
	}

	@Test
	void topicPageShowsTheDescriptionThenItsStories() {
		this.stories.story("Trade story").about(this.trade).publish();
		this.stories.story("Travel story").about(this.travel).publish();
		Document page = this.http.get("/topics/trade").document();
		assertThat(page.title()).isEqualTo("Trade | Newsroom");
		assertThat(page.select("h1").text()).isEqualTo("Trade");
		assertThat(page.select(".usa-intro").text()).isEqualTo("Stories about Trade.");
		assertThat(page.select(".gazette-story-title").eachText()).containsExactly("Trade story");
		assertThat(this.http.get("/topics/no-such-topic").status()).isEqualTo(404);
		assertThat(this.http.get("/topics/trade?page=0").status()).isEqualTo(400);
	}

	@Test
	void anAuthorWithoutPublicStoriesSaysSo() {
		this.stories.story("Embargoed")
			.by(this.ann)
			.releasedAt(this.clock.instant().plus(Duration.ofDays(1)))
			.publish();
		Document page = this.http.get("/authors/ann-lee").document();
		assertThat(page.select(".usa-alert__text").text()).isEqualTo("This author has no published stories yet.");
	}

}
