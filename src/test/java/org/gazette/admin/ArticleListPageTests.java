package org.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.accounts.Role;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Topic;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article list and the dashboard over HTTP: search, filters, orders, pages, and every
 * kind of nonsense in the address answered with a message next to its field.
 */
@GazetteWebTest
class ArticleListPageTests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	@Autowired
	MutableClock clock;

	private Person contributor;

	private BackOffice browser;

	/**
	 * A word no other test's titles contain, so searches see only this test's stories.
	 */
	private String word;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		this.contributor = this.accounts.person(Role.CONTRIBUTOR);
		this.browser = new BackOffice(this.port);
		this.browser.signIn(this.contributor.email(), this.contributor.password());
		this.word = "quokka" + NEXT.incrementAndGet() + "x" + (System.nanoTime() % 100000);
	}

	@Test
	void searchesTitlesAndFiltersByKindTopicAuthorAndStatus() {
		Author jane = this.stories.author("Jane " + this.word);
		Topic trade = this.stories.topic("Trade " + this.word);
		long release = this.stories.story("Ports reopen " + this.word).by(jane).about(trade).publish();
		long feature = this.stories.story("Inside the lab " + this.word).type(ArticleType.FEATURE_STORY).draft();
		long scheduled = this.stories.story("Coming soon " + this.word)
			.by(jane)
			.releasedAt(this.clock.instant().plusSeconds(86_400 * 400))
			.publish();

		assertThat(ids("?q=" + this.word.toUpperCase())).containsExactlyInAnyOrder(release, feature, scheduled);
		assertThat(ids("?q=" + this.word + "&type=feature-story")).containsExactly(feature);
		assertThat(ids("?q=" + this.word + "&topic=" + trade.id())).containsExactly(release);
		assertThat(ids("?q=" + this.word + "&author=" + jane.id())).containsExactlyInAnyOrder(release, scheduled);
		assertThat(ids("?q=" + this.word + "&status=draft")).containsExactly(feature);
		assertThat(ids("?q=" + this.word + "&status=published")).containsExactly(release);
		assertThat(ids("?q=" + this.word + "&status=scheduled")).containsExactly(scheduled);
		assertThat(ids("?q=" + this.word + "&status=unpublished")).isEmpty();
		assertThat(ids("?q=lab " + this.word)).containsExactly(feature);
		// LIKE wildcards are searched for literally.
		assertThat(ids("?q=%25" + this.word)).isEmpty();
	}

	@Test
	void rowsLinkToEditAndHistoryAndTheSortedColumnSaysSo() {
		long b = this.stories.story("Bravo " + this.word).draft();
		long a = this.stories.story("Alpha " + this.word).draft();
		long c = this.stories.story("Charlie " + this.word).draft();
		assertThat(ids("?q=" + this.word)).containsExactly(c, a, b);
		assertThat(ids("?q=" + this.word + "&sort=title")).containsExactly(a, b, c);
		assertThat(ids("?q=" + this.word + "&sort=release")).containsExactlyInAnyOrder(a, b, c);

		var page = this.browser.get("/admin/articles?q=" + this.word + "&sort=title");
		assertThat(page.status()).isEqualTo(200);
		Element row = page.document().selectFirst("tbody tr");
		assertThat(row.select("th a").attr("href")).isEqualTo("/admin/articles/" + a + "/edit");
		assertThat(row.select("a[href$=/history]").attr("href")).isEqualTo("/admin/articles/" + a + "/history");
		assertThat(page.document().select("caption").text()).contains("sorted by title, A to Z");
		Element sorted = page.document().selectFirst("th[aria-sort]");
		assertThat(sorted.attr("aria-sort")).isEqualTo("ascending");
		assertThat(sorted.text()).startsWith("Title");
		assertThat(page.document().select("thead th[scope=col]")).hasSize(7);
		// The other orders are links that keep the search.
		assertThat(page.document().select("thead a").eachAttr("href"))
			.contains("/admin/articles?q=" + this.word + "&sort=updated");
		assertThat(page.document().select("#sort option[selected]").val()).isEqualTo("title");
		assertThat(page.document().getElementById("q").val()).isEqualTo(this.word);
	}

	@Test
	void pagesOfTwentyFive() {
		for (int i = 0; i < 27; i++) {
			this.stories.story("Story " + i + " " + this.word).draft();
		}
		var first = this.browser.get("/admin/articles?q=" + this.word);
		assertThat(first.document().select("tbody tr")).hasSize(25);
		assertThat(first.document().text()).contains("27 stories · page 1 of 2");
		String next = first.document().select("a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/admin/articles?q=" + this.word + "&page=2");
		var second = this.browser.get(next);
		assertThat(second.document().select("tbody tr")).hasSize(2);
		assertThat(second.document().select("a[rel=prev]").attr("href")).isEqualTo("/admin/articles?q=" + this.word);
		assertThat(second.document().select("a[rel=next]")).isEmpty();
	}

	@Test
	void moreMatchesThanTenPagesSayMoreThanAndCountExactlyNearTheEnd() {
		// 276: one more than the first page and the nine after it, and than the second
		// page and the nine after it.
		for (int i = 0; i < 276; i++) {
			this.stories.story("Story " + i + " " + this.word).draft();
		}
		var first = this.browser.get("/admin/articles?q=" + this.word);
		assertThat(first.document().getElementById("page").text())
			.isEqualTo("More than 250 stories · page 1 of more than 10");
		assertThat(first.document().select("caption").text()).endsWith("page 1 of more than 10");
		assertThat(first.document().select("a[rel=next]").attr("href"))
			.isEqualTo("/admin/articles?q=" + this.word + "&page=2");
		assertThat(first.document().select("nav[aria-label='Pages of stories'] a").eachText())
			.as("the last page is not known yet")
			.containsExactly("Next page");
		var second = this.browser.get("/admin/articles?q=" + this.word + "&page=2");
		assertThat(second.document().getElementById("page").text())
			.isEqualTo("More than 275 stories · page 2 of more than 11");
		var third = this.browser.get("/admin/articles?q=" + this.word + "&page=3");
		assertThat(third.document().getElementById("page").text()).isEqualTo("276 stories · page 3 of 12");
		assertThat(third.document().select("nav[aria-label='Pages of stories'] a").eachText())
			.containsExactly("First page", "Previous page", "Next page", "Last page");
		assertThat(third.document().select("nav[aria-label='Pages of stories'] a").last().attr("href"))
			.isEqualTo("/admin/articles?q=" + this.word + "&page=12");
		var last = this.browser.get("/admin/articles?q=" + this.word + "&page=12");
		assertThat(last.document().select("tbody tr")).hasSize(1);
		assertThat(last.document().getElementById("page").text()).isEqualTo("276 stories · page 12 of 12");
		var beyond = this.browser.get("/admin/articles?q=" + this.word + "&page=13");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.fieldError("page")).hasValue("There is no page 13. The last page is 12.");
	}

	@Test
	void nonsenseInTheAddressGetsAMessageNextToItsField() {
		expectError("?sort=sideways", "sort", "Choose an order from the list.");
		expectError("?sort=TITLE;drop", "sort", "Choose an order from the list.");
		for (String page : List.of("0", "-1", "abc", "1.5", "99999999999999999999", "2147483648", "1000001")) {
			expectError("?page=" + page, "page", "There is no such page. Pages are numbered from 1.");
		}
		expectError("?q=" + this.word + "&page=3", "page", "There is no page 3: no story matches.");
		this.stories.story("Only " + this.word).draft();
		expectError("?q=" + this.word + "&page=1000000", "page", "There is no page 1000000. The last page is 1.");
		expectError("?type=opinion", "type", "Choose a kind of story from the list.");
		expectError("?topic=99999999", "topic", "Choose a topic from the list.");
		expectError("?topic=trade", "topic", "Choose a topic from the list.");
		expectError("?author=-1", "author", "Choose an author from the list.");
		expectError("?author=9999999999999999999999", "author", "Choose an author from the list.");
		expectError("?status=lost", "status", "Choose a status from the list.");
		var long_ = this.browser.get("/admin/articles?q=" + "a".repeat(5000));
		assertThat(long_.status()).isEqualTo(400);
		assertThat(long_.fieldError("q")).hasValue("Search with up to 300 characters.");
		assertThat(long_.document().getElementById("q").val()).hasSize(300);
		// Every problem at once, each by its field, the rest of the form kept.
		var all = this.browser.get("/admin/articles?q=x&sort=no&status=no&type=no&page=no");
		assertThat(all.status()).isEqualTo(400);
		assertThat(all.document().select(".usa-alert--error li")).hasSize(4);
		assertThat(all.document().getElementById("q").val()).isEqualTo("x");
		assertThat(this.browser.get("/admin/articles?q=%00%3Cscript%3E").status()).isEqualTo(200);
	}

	@Test
	void anEmptyResultSaysSo() {
		var none = this.browser.get("/admin/articles?q=" + this.word);
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.document().select("table")).isEmpty();
		assertThat(none.document().select("main").text()).contains("No story matches.");
	}

	@Test
	void theDashboardShowsMyDraftsAndWhatChangedAndWasPublished() {
		RevisionDraft draft = new RevisionDraft(ArticleType.STATEMENT, "My draft " + this.word, "Summary.", null,
				"Body.", List.of(), List.of(), ChangeKind.MAJOR, null);
		long mine = this.content.createArticle(null, draft, this.contributor.email());
		long theirs = this.stories.story("Their draft " + this.word).draft();
		long published = this.stories.story("Published " + this.word).releasedAt(this.clock.instant()).publish();

		var dashboard = this.browser.get("/admin");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(links(dashboard.document().selectFirst("section[aria-labelledby=my-drafts]")))
			.containsExactly("/admin/articles/" + mine + "/edit");
		assertThat(links(dashboard.document().selectFirst("section[aria-labelledby=recently-changed]"))).startsWith(
				"/admin/articles/" + published + "/edit", "/admin/articles/" + theirs + "/edit",
				"/admin/articles/" + mine + "/edit");
		assertThat(links(dashboard.document().selectFirst("section[aria-labelledby=recently-published]")))
			.contains("/admin/articles/" + published + "/edit");
		var someoneElse = new BackOffice(this.port);
		Person editor = this.accounts.person(Role.EDITOR);
		someoneElse.signIn(editor.email(), editor.password());
		assertThat(someoneElse.get("/admin").document().select("section[aria-labelledby=my-drafts]").text())
			.contains("You have no drafts.");
	}

	private List<String> links(Element section) {
		return section.select("tbody th a").eachAttr("href");
	}

	private void expectError(String query, String field, String message) {
		var page = this.browser.get("/admin/articles" + query);
		assertThat(page.status()).as(query).isEqualTo(400);
		assertThat(page.fieldError(field)).as(query).hasValue(message);
		assertThat(page.document().select("table")).as(query).isEmpty();
	}

	private List<Long> ids(String query) {
		var page = this.browser.get("/admin/articles" + query.replace(" ", "+"));
		assertThat(page.status()).as(query).isEqualTo(200);
		return page.document()
			.select("tbody th a")
			.eachAttr("href")
			.stream()
			.map((href) -> Long.parseLong(href.replaceAll("\\D", "")))
			.toList();
	}

}
