package org.gazette.site;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.Topic;
import org.gazette.support.GazetteNode;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author's or topic's old address, after an editor merged it into another or changed
 * its slug, answers 301 to the profile in use (its listing pages and feeds too), over
 * HTTP, on H2 and on PostgreSQL; an address no profile ever had is still 404. The API's
 * filters take an old slug as the profile in use.
 */
class ProfileAddressTests {

	@Test
	void oldAddressesOfAuthorsAndTopicsRedirectOnH2() {
		try (GazetteNode node = GazetteNode.onH2("H2")) {
			check(node);
		}
	}

	@Test
	void oldAddressesOfAuthorsAndTopicsRedirectOnPostgres() {
		String url = TestDatabase.newPostgresSchemaUrl();
		try (GazetteNode node = GazetteNode.onPostgres("PostgreSQL", url)) {
			check(node);
		}
		finally {
			TestDatabase.dropSchemaOf(url);
		}
	}

	private static void check(GazetteNode node) {
		Stories stories = node.stories();
		Content content = node.bean(Content.class);
		Author jane = stories.author("Jane Doe");
		Author duplicate = stories.author("J Doe");
		Author ann = stories.author("Ann Lee");
		Topic trade = stories.topic("Trade");
		Topic commerce = stories.topic("Commerce");
		Topic ports = stories.topic("Ports");
		// Two listing pages (20 a page) by Jane about trade; one story credits the
		// duplicates before the merge, one Ann and ports.
		Instant release = Instant.parse("2026-01-05T15:00:00Z");
		for (int i = 1; i <= 25; i++) {
			stories.story("Trade story " + i)
				.type(ArticleType.NEWS_RELEASE)
				.by(jane)
				.about(trade)
				.releasedAt(release.minus(Duration.ofDays(i)))
				.publish();
		}
		stories.story("Credited to the duplicates").by(duplicate).about(commerce).releasedAt(release).publish();
		stories.story("Harbor dredging").by(ann).about(ports).releasedAt(release).publish();

		content.mergeAuthor(duplicate.id(), jane.id());
		content.mergeTopic(commerce.id(), trade.id());
		content.updateAuthor(ann.id(), new NewAuthor("ann-lee-smith", "Ann Lee-Smith", null, null));
		content.updateTopic(ports.id(), new NewTopic("harbors", "Harbors", null));

		Http http = node.http();
		assertMoved(http, "/authors/j-doe", "/authors/jane-doe");
		assertMoved(http, "/authors/j-doe/page/2", "/authors/jane-doe/page/2");
		assertMoved(http, "/feeds/authors/j-doe.rss", "/feeds/authors/jane-doe.rss");
		assertMoved(http, "/feeds/authors/j-doe.atom", "/feeds/authors/jane-doe.atom");
		assertMoved(http, "/authors/ann-lee", "/authors/ann-lee-smith");
		assertMoved(http, "/feeds/authors/ann-lee.rss", "/feeds/authors/ann-lee-smith.rss");
		assertMoved(http, "/topics/commerce", "/topics/trade");
		assertMoved(http, "/topics/commerce/page/2", "/topics/trade/page/2");
		assertMoved(http, "/feeds/topics/commerce.atom", "/feeds/topics/trade.atom");
		assertMoved(http, "/topics/ports", "/topics/harbors");
		assertMoved(http, "/feeds/topics/ports.rss", "/feeds/topics/harbors.rss");

		// Where they lead is served, the merged story included.
		assertThat(http.get("/authors/jane-doe/page/2").status()).isEqualTo(200);
		assertThat(http.get("/authors/jane-doe").body()).contains("Credited to the duplicates");
		assertThat(http.get("/topics/trade").body()).contains("Credited to the duplicates");
		assertThat(http.get("/authors/ann-lee-smith").body()).contains("Harbor dredging");
		assertThat(http.get("/topics/harbors").body()).contains("Harbor dredging");
		assertThat(http.get("/feeds/topics/harbors.rss").status()).isEqualTo(200);

		// An address no profile ever had is still not found, feeds included.
		for (String path : new String[] { "/authors/nobody", "/authors/nobody/page/2", "/topics/nothing",
				"/topics/nothing/page/2", "/feeds/authors/nobody.rss", "/feeds/topics/nothing.atom" }) {
			assertThat(http.get(path).status()).as(path).isEqualTo(404);
		}

		// The API lists the profiles in use, and its filters take an old slug as the
		// profile in use now: same stories as its own slug.
		assertThat(http.get("/api/v1/authors").body()).contains("\"jane-doe\"", "\"ann-lee-smith\"")
			.doesNotContain("\"j-doe\"", "\"ann-lee\"");
		assertThat(http.get("/api/v1/topics").body()).contains("\"trade\"", "\"harbors\"")
			.doesNotContain("\"commerce\"", "\"ports\"");
		assertThat(articles(http, "author=j-doe")).isEqualTo(articles(http, "author=jane-doe"))
			.contains("Credited to the duplicates");
		assertThat(articles(http, "topic=ports")).isEqualTo(articles(http, "topic=harbors"))
			.contains("Harbor dredging");
		assertThat(http.get("/api/v1/articles?author=nobody").status()).isEqualTo(400);

		// A profile may take a former address back: then it is its own again.
		content.updateAuthor(ann.id(), new NewAuthor("ann-lee", "Ann Lee", null, null));
		assertThat(http.get("/authors/ann-lee").status()).isEqualTo(200);
		assertMoved(http, "/authors/ann-lee-smith", "/authors/ann-lee");
	}

	private static void assertMoved(Http http, String from, String to) {
		Http.Response response = http.get(from);
		assertThat(response.status()).as(from).isEqualTo(301);
		assertThat(response.header("Location")).as(from)
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo(to));
	}

	/** The stories of an API answer, without its links (which repeat the query). */
	private static String articles(Http http, String query) {
		Http.Response response = http.get("/api/v1/articles?" + query);
		assertThat(response.status()).as(query).isEqualTo(200);
		return response.body().replaceAll("\"nextUrl\":\"[^\"]*\"", "");
	}

}
