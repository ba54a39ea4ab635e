package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.TestContent;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Former addresses of published stories and the redirects admins keep, on H2 and on
 * PostgreSQL.
 */
class AddressesTests {

	private final MutableClock clock = new MutableClock();

	private Databases.Lazy db;

	private Content content;

	private Publishing publishing;

	private Newsroom newsroom;

	private Redirects redirects;

	private Stories stories;

	private void open(Databases.Lazy db) {
		this.db = db;
		this.content = TestContent.content(db.get().jdbc(), this.clock);
		TestPublishing test = new TestPublishing(db.get().jdbc(), this.content, this.clock);
		this.publishing = test.publishing();
		this.newsroom = test.newsroom();
		this.redirects = test.redirects();
		this.stories = new Stories(this.content, this.publishing);
	}

	@DatabaseTest
	void everyEarlierAddressOfAPublishedStoryMovesToTheCurrentOne(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Lanes").slug("a").publish();
		assertThat(this.content.changeSlug(id, "b", "publisher")).isEqualTo("a");
		this.clock.advance(Duration.ofMinutes(1));
		this.content.changeSlug(id, "c", "publisher");

		assertThat(this.newsroom.story("c")).isPresent();
		assertThat(this.newsroom.departure("a")).contains(new Departure.Moved("c"));
		assertThat(this.newsroom.departure("b")).contains(new Departure.Moved("c"));
		assertThat(this.newsroom.departure("z")).isEmpty();
		assertThat(this.content.formerSlugs(id)).containsExactly("b", "a");
		assertThat(this.newsroom.stamps(0, 10)).extracting(PublicStamp::slug).containsExactly("c");

		// Back to an earlier address, and away again: the history keeps one row each.
		this.content.changeSlug(id, "a", "publisher");
		assertThat(this.newsroom.story("a")).isPresent();
		assertThat(this.newsroom.departure("c")).contains(new Departure.Moved("a"));
		this.content.changeSlug(id, "d", "publisher");
		assertThat(this.newsroom.departure("a")).contains(new Departure.Moved("d"));
		assertThat(this.content.formerSlugs(id)).containsExactlyInAnyOrder("a", "b", "c");

		// Taken down, the old addresses lead to what the current one answers.
		this.publishing.takeDown(id, Takedown.gone(null), "publisher");
		assertThat(this.newsroom.departure("b")).contains(new Departure.Moved("d"));
		assertThat(this.newsroom.departure("d")).get().isInstanceOf(Departure.Gone.class);

		assertThatThrownBy(() -> this.db.get().jdbc().sql("delete from article_slug_history").update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	@DatabaseTest
	void noOtherStoryMayTakeAFormerAddress(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Lanes Open").slug("lanes-open").publish();
		this.content.changeSlug(id, "four-lanes-open", "publisher");
		String message = "The address lanes-open belonged to another story, and still sends readers to it."
				+ " Choose another.";
		assertThatThrownBy(() -> this.stories.story("Other").slug("lanes-open").draft()).isInstanceOfSatisfying(
				InvalidContentException.class,
				(ex) -> assertThat(ex.byField()).containsExactly(Map.entry("slug", List.of(message))));
		long other = this.stories.story("Other").slug("other").publish();
		assertThatThrownBy(() -> this.content.changeSlug(other, "lanes-open", "publisher")).isInstanceOfSatisfying(
				InvalidContentException.class,
				(ex) -> assertThat(ex.byField()).containsExactly(Map.entry("slug", List.of(message))));
		// A slug made from a title steps around it.
		long fromTitle = this.stories.story("Lanes Open").draft();
		assertThat(this.content.editable(fromTitle).orElseThrow().slug()).isEqualTo("lanes-open-2");
	}

	@DatabaseTest
	void badOrTakenAddressesAreRefusedAndNothingMoves(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Lanes").slug("lanes").publish();
		this.stories.story("Taken").slug("taken").draft();
		assertThatThrownBy(() -> this.content.changeSlug(id, "Not A Slug", "p")).isInstanceOfSatisfying(
				InvalidContentException.class, (ex) -> assertThat(ex.byField()).containsOnlyKeys("slug"));
		assertThatThrownBy(() -> this.content.changeSlug(id, "x".repeat(121), "p"))
			.isInstanceOf(InvalidContentException.class);
		assertThatThrownBy(() -> this.content.changeSlug(id, "", "p")).isInstanceOf(InvalidContentException.class);
		assertThatThrownBy(() -> this.content.changeSlug(id, "taken", "p"))
			.hasMessage("Another story already uses the address taken.");
		assertThatThrownBy(() -> this.content.changeSlug(id, "lanes", "p"))
			.hasMessage("This is already the story's address.");
		assertThatThrownBy(() -> this.content.changeSlug(404_404, "new", "p"))
			.isInstanceOf(org.gazette.content.UnknownContentException.class);
		assertThat(this.content.formerSlugs(id)).isEmpty();
		assertThat(this.newsroom.story("lanes")).isPresent();
	}

	@DatabaseTest
	void aDraftMovesWithoutLeavingAnAddressBehindAndAnEmbargoedStoryRevealsNone(Databases.Lazy db) {
		open(db);
		long draft = this.stories.story("Draft").slug("draft-one").draft();
		this.content.changeSlug(draft, "draft-two", "editor");
		assertThat(this.content.formerSlugs(draft)).isEmpty();
		this.stories.story("Reuse").slug("draft-one").draft();

		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long embargoed = this.stories.story("Embargoed").slug("secret-name").releasedAt(release).publish();
		this.content.changeSlug(embargoed, "public-name", "publisher");
		assertThat(this.newsroom.departure("secret-name")).isEmpty();
		this.clock.set(release);
		assertThat(this.newsroom.departure("secret-name")).contains(new Departure.Moved("public-name"));
	}

	@DatabaseTest
	void redirectsAreStoredNormalisedAndFoundByTheRequestPath(Databases.Lazy db) {
		open(db);
		Redirect redirect = this.redirects.add("  /2019/05//caf%C3%A9-opens/ ", "/news/cafe-opens", " From WordPress ",
				"admin@example.gov");
		assertThat(redirect.fromPath()).isEqualTo("/2019/05/café-opens");
		assertThat(redirect.note()).isEqualTo("From WordPress");
		assertThat(redirect.createdBy()).isEqualTo("admin@example.gov");
		assertThat(redirect.createdAt()).isEqualTo(this.clock.instant());
		for (String path : List.of("/2019/05/caf%C3%A9-opens", "/2019/05/caf%C3%A9-opens/", "/2019//05/café-opens")) {
			assertThat(this.redirects.destination(path)).as(path).contains("/news/cafe-opens");
		}
		assertThat(this.redirects.destination("/2019/05/CAFÉ-opens")).isEmpty();
		assertThat(this.redirects.destination("/2019/05/caf%zz")).isEmpty();
		assertThat(this.redirects.destination("/" + "x".repeat(5000))).isEmpty();

		this.redirects.add("/old/about", "https://www.example.gov/about?from=news#top", "importer");
		assertThat(this.redirects.destination("/old/about")).contains("https://www.example.gov/about?from=news#top");

		assertThat(this.redirects.remove(redirect.id())).contains(redirect);
		assertThat(this.redirects.remove(redirect.id())).isEmpty();
		assertThat(this.redirects.destination("/2019/05/caf%C3%A9-opens")).isEmpty();
	}

	@DatabaseTest
	void badRedirectsAreRefusedWithEveryProblemByField(Databases.Lazy db) {
		open(db);
		this.stories.story("Lanes").slug("lanes").publish();
		long moved = this.stories.story("Moved").slug("old-slug").publish();
		this.content.changeSlug(moved, "new-slug", "p");
		this.redirects.add("/taken", "/news", "admin");

		assertRefused("", "/news", "fromPath", "Old address is required.");
		assertRefused("old-post", "/news", "fromPath", "The path must start with /, as in /2019/05/old-post.");
		assertRefused("https://old.example.gov/post", "/news", "fromPath",
				"Enter only the path, starting with /, as in /2019/05/old-post: leave out https:// and the site's name.");
		assertRefused("//old.example.gov/post", "/news", "fromPath",
				"Enter only the path, starting with /, as in /2019/05/old-post: leave out https:// and the site's name.");
		assertRefused("/post?p=12", "/news", "fromPath",
				"Leave out everything from ? or # on: a redirect matches the path alone.");
		assertRefused("/", "/news", "fromPath", "The home page cannot be redirected.");
		for (String reserved : List.of("/admin/x", "/API/v1/articles", "/assets/a.css", "/feeds/all.rss",
				"/sitemaps/pages.xml", "/news", "/sitemap.xml", "/uswds/js/x.js")) {
			assertThatThrownBy(() -> this.redirects.add(reserved, "/news", "admin")).as(reserved)
				.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> {
					assertThat(ex.byField()).containsOnlyKeys("fromPath");
					assertThat(ex.problems().get(0)).startsWith("Gazette itself answers at");
				});
		}
		assertRefused("/a/../admin", "/news", "fromPath", "The path must not contain . or .. parts.");
		assertRefused("/a/%2e%2e/b", "/news", "fromPath", "The path must not contain . or .. parts.");
		assertRefused("/with%20space", "/news", "fromPath",
				"The path must not contain spaces, control characters or backslashes.");
		assertRefused("/bad%zz", "/news", "fromPath",
				"The path has a broken %-escape; copy it again from the old address.");
		assertRefused("/" + "p".repeat(600), "/news", "fromPath", "The path is longer than 500 characters.");
		assertRefused("/taken/", "/news", "fromPath", "There is already a redirect from /taken.");
		assertRefused("/news/lanes", "/news", "fromPath",
				"A story answers at /news/lanes, so a redirect from there would never be used. Take the story down or change its address instead.");
		assertRefused("/news/old-slug", "/news", "fromPath",
				"A story answers at /news/old-slug, so a redirect from there would never be used. Take the story down or change its address instead.");
		assertRefused("/loop/", "/loop?x=1", "toUrl",
				"The new address is the old one: readers would go round in circles.");
		assertRefused("/ok", "", "toUrl", "New address is required.");
		assertRefused("/ok", "javascript:alert(1)", "toUrl",
				"New address must be a page on this site starting with / (as in /news/new-lanes-open)"
						+ " or a full address starting with https:// or http://.");
		assertRefused("/ok", "data:text/html,hi", "toUrl",
				"New address must be a page on this site starting with / (as in /news/new-lanes-open)"
						+ " or a full address starting with https:// or http://.");
		assertThatThrownBy(() -> this.redirects.add("/ok", "/news", "n".repeat(501), "admin"))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.byField())
				.containsExactly(Map.entry("note", List.of("Note is longer than 500 characters."))));
		assertThatThrownBy(() -> this.redirects.add("/ok", "/news", "two\nlines", "admin"))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.byField())
				.containsExactly(Map.entry("note", List.of("Note must be a single line of text."))));
		// Every problem at once.
		assertThatThrownBy(() -> this.redirects.add("nope", "javascript:x", "admin")).isInstanceOfSatisfying(
				InvalidContentException.class, (ex) -> assertThat(ex.byField()).containsOnlyKeys("fromPath", "toUrl"));
		assertThat(this.redirects.list(null, 1).total()).isEqualTo(1);
	}

	@DatabaseTest
	void redirectsAreListedByPathSearchedAndPaginated(Databases.Lazy db) {
		open(db);
		for (int i = 1; i <= 55; i++) {
			this.redirects.add(String.format("/old/%03d", i), "/news", "admin");
		}
		this.redirects.add("/archive/100%25_done", "/news", "admin");
		RedirectList first = this.redirects.list(null, 1);
		assertThat(first.total()).isEqualTo(56);
		assertThat(first.pageCount()).isEqualTo(2);
		assertThat(first.redirects()).hasSize(50);
		assertThat(first.redirects().get(0).fromPath()).isEqualTo("/archive/100%_done");
		assertThat(this.redirects.list(null, 2).redirects()).hasSize(6);
		assertThat(this.redirects.list(null, 3).redirects()).isEmpty();
		assertThat(this.redirects.list("OLD/05", 1).redirects()).extracting(Redirect::fromPath)
			.containsExactly("/old/050", "/old/051", "/old/052", "/old/053", "/old/054", "/old/055");
		// Wildcards are text.
		assertThat(this.redirects.list("%_", 1).redirects()).extracting(Redirect::fromPath)
			.containsExactly("/archive/100%_done");
		assertThat(this.redirects.list("  ", 1).total()).isEqualTo(56);
	}

	private void assertRefused(String from, String to, String field, String message) {
		assertThatThrownBy(() -> this.redirects.add(from, to, "admin")).as(from + " -> " + to)
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsExactly(Map.entry(field, List.of(message))));
	}

}
