package org.gazette.site;

import java.time.Duration;
import java.util.List;

import org.gazette.content.Author;
import org.gazette.publishing.NewPreviewLink;
import org.gazette.publishing.PreviewLinks;
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

/**
 * The page a preview link opens, over real HTTP, for a reviewer with no account: the
 * unpublished revision as readers would see it, never cached or indexed, and a plain page
 * (404 or 410, never a 500) once the link does not work.
 */
@GazetteWebTest
class PreviewLinkTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	@Autowired
	PreviewLinks links;

	Http http;

	long storyId;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		Author jane = this.stories.author("Jane Doe");
		this.storyId = this.stories.story("Embargoed Port Plan")
			.slug("port-plan")
			.dateline("LAREDO, Texas")
			.summary("A plan for the port.")
			.body("The plan is *secret* until release.\n\nSee [the port](https://port.example.gov/).")
			.by(jane)
			.about(this.stories.topic("Trade"))
			.draft();
	}

	@Test
	void aWorkingLinkShowsTheDraftAsReadersWouldSeeItAndKeepsItOutOfCachesAndSearchEngines() {
		NewPreviewLink link = this.links.create(this.storyId, "writer@agency.gov", Duration.ofDays(3), null);
		for (String[] headers : List.of(new String[0], new String[] { "Accept-Encoding", "gzip" })) {
			Http.Response page = this.http.get("/preview/" + link.token(), headers);
			assertThat(page.status()).isEqualTo(200);
			assertUnlisted(page);
			assertThat(page.header("ETag")).isEmpty();
			assertThat(page.header("Last-Modified")).isEmpty();
			assertThat(page.header("Content-Security-Policy")).isPresent();
			Document document = page.document();
			assertThat(document.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
			assertThat(document.select("link[rel=canonical]")).isEmpty();
			assertThat(document.select("script[type=application/ld+json]")).isEmpty();
			assertThat(document.title()).startsWith("Preview: Embargoed Port Plan");
			assertThat(document.select(".gazette-preview-notice .usa-alert__text").text()).startsWith(
					"Preview \u2014 not published. This link expires on November 30, 2026 at 3:00 PM EST. It shows the story as saved on November 27, 2026 at 3:00 PM EST");
			assertThat(document.select(".gazette-preview-notice a")).isEmpty();
			assertThat(document.select("main article h1").text()).isEqualTo("Embargoed Port Plan");
			assertThat(document.select(".gazette-body em").text()).isEqualTo("secret");
			assertThat(document.select(".gazette-body .gazette-dateline").text()).isEqualTo("LAREDO, Texas");
			assertThat(document.select(".gazette-byline a").text()).isEqualTo("Jane Doe");
			assertThat(document.select(".gazette-topics a").text()).isEqualTo("Trade");
			assertThat(document.select(".gazette-meta time").first().text()).isEqualTo("November 27, 2026");
		}
		// Saved since: the link shows what it was made for, as its notice says.
		this.stories.revise(this.storyId, "Renamed Port Plan", "New text.", "editor@agency.gov", null);
		assertThat(this.http.get("/preview/" + link.token()).document().select("main article h1").text())
			.isEqualTo("Embargoed Port Plan");
	}

	@Test
	void theStoryStaysUnpublishedEverywhereElse() {
		NewPreviewLink link = this.links.create(this.storyId, "writer@agency.gov", Duration.ofDays(3), null);
		assertThat(this.http.get("/preview/" + link.token()).status()).isEqualTo(200);
		assertThat(this.http.get("/news/port-plan").status()).isEqualTo(404);
		assertThat(this.http.get("/api/v1/articles/port-plan").status()).isEqualTo(404);
		assertThat(this.http.get("/").body()).doesNotContain("Embargoed Port Plan");
		assertThat(this.http.get("/feeds/all.atom").body()).doesNotContain("Embargoed Port Plan");
		assertThat(this.http.get("/sitemaps/stories-1.xml").body()).doesNotContain("port-plan");
	}

	@Test
	void anExpiredLinkAnswersGoneWithAPlainPage() {
		NewPreviewLink link = this.links.create(this.storyId, "writer@agency.gov", Duration.ofDays(1), null);
		this.clock.advance(Duration.ofDays(1).minusSeconds(1));
		assertThat(this.http.get("/preview/" + link.token()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(1));
		Http.Response gone = this.http.get("/preview/" + link.token());
		assertThat(gone.status()).isEqualTo(410);
		assertUnlisted(gone);
		assertThat(gone.document().select("main h1").text()).isEqualTo("This preview link has expired");
		assertThat(gone.document().select("main .usa-intro").text())
			.isEqualTo("It stopped working on November 28, 2026 at 3:00 PM EST. Ask the person who sent it to you "
					+ "for a new link.");
		assertThat(gone.body()).doesNotContain("Embargoed Port Plan").doesNotContain("secret");
	}

	@Test
	void aRevokedLinkAnswersGoneAtOnce() {
		NewPreviewLink link = this.links.create(this.storyId, "writer@agency.gov", Duration.ofDays(3), null);
		// Opened once: nothing of it may be kept and served after the revocation.
		assertThat(this.http.get("/preview/" + link.token()).status()).isEqualTo(200);
		this.links.revoke(link.link().id(), "chief@agency.gov", null);
		Http.Response gone = this.http.get("/preview/" + link.token());
		assertThat(gone.status()).isEqualTo(410);
		assertUnlisted(gone);
		assertThat(gone.document().select("main h1").text()).isEqualTo("This preview link no longer works");
		assertThat(gone.document().select("main .usa-intro").text())
			.startsWith("The newsroom turned it off on November 27, 2026 at 3:00 PM EST.");
		assertThat(gone.body()).doesNotContain("Embargoed Port Plan");
	}

	@Test
	void tamperedAndMalformedTokensAnswerNotFound() {
		String token = this.links.create(this.storyId, "writer@agency.gov", Duration.ofDays(3), null).token();
		String tampered = token.substring(0, 42) + ((token.charAt(42) == 'A') ? 'B' : 'A');
		for (String path : List.of(tampered, "A".repeat(43), "abc", token + "A", token.substring(1), "A".repeat(4000),
				"%3Cscript%3Ealert(1)%3C%2Fscript%3E".replace("%2F", "-"), "tok%20en", "%C3%A9t%C3%A9", "a.b",
				token.substring(0, 42) + "%2B", token.substring(0, 42) + "=")) {
			Http.Response answer = this.http.get("/preview/" + path);
			assertThat(answer.status()).as(path).isEqualTo(404);
			assertUnlisted(answer);
			assertThat(answer.document().select("main h1").text()).as(path)
				.isEqualTo("This preview link does not work");
			assertThat(answer.body()).as(path).doesNotContain("Embargoed Port Plan").doesNotContain("<script>alert");
		}
		// Addresses that match no page get the site's 404 page; those the security
		// firewall refuses before any page is chosen (a NUL, bytes that are not UTF-8,
		// an encoded slash) a plain 400, as anywhere on the site (ErrorPageTests).
		for (String path : List.of("/preview/", "/preview/" + token + "/more", "/preview")) {
			assertThat(this.http.get(path).status()).as(path).isEqualTo(404);
		}
		for (String path : List.of(token + "%00", "%FF%FE", "a%2Fb", "..%2F..%2Fadmin", "%0d%0aSet-Cookie:%20x=1")) {
			Http.Response refused = this.http.get("/preview/" + path);
			assertThat(refused.status()).as(path).isEqualTo(400);
			assertThat(refused.body()).as(path).doesNotContain("Exception").doesNotContain("Whitelabel");
			assertThat(refused.header("Set-Cookie")).as(path).isEmpty();
		}
		assertThat(this.http.get("/preview/" + token).status()).isEqualTo(200);
	}

	private static void assertUnlisted(Http.Response answer) {
		// Exactly these: nothing added on the way out may weaken them.
		assertThat(answer.headers("Cache-Control")).containsExactly("no-store");
		assertThat(answer.headers("X-Robots-Tag")).containsExactly("noindex, nofollow");
		assertThat(answer.headers("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(answer.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
	}

}
