package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.content.ArticleType;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.RevisionDraft;
import org.gazette.content.RevisionSummary;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
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
 * A story's history, comparisons and restore over HTTP: who may restore, the version
 * check, the form token, and unknown stories and revisions.
 */
@GazetteWebTest
class HistoryPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	@Autowired
	AuditLog audit;

	private Person editor;

	private BackOffice browser;

	private long story;

	@BeforeEach
	void aStoryWithThreeRevisions() {
		this.accounts.forgetFailedSignIns();
		this.editor = this.accounts.person(Role.EDITOR);
		this.browser = new BackOffice(this.port);
		this.browser.signIn(this.editor.email(), this.editor.password());
		this.story = this.stories.story("Bridge opens").body("The old bridge opens to traffic today.").draft();
		this.stories.revise(this.story, "Bridge opens early", "The new bridge opens to traffic today.", "ann@x.gov",
				"Say it is new");
		this.stories.revise(this.story, "Bridge opens early", "The new bridge opens to cars and bikes today.",
				"bo@x.gov", null);
	}

	@Test
	void theHistoryListsEveryRevisionWithWhoAndWhy() {
		var page = this.browser.get("/admin/articles/" + this.story + "/history");
		assertThat(page.status()).isEqualTo(200);
		List<Element> rows = page.document().select("tbody tr");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).text()).contains("3", "Newest", "bo@x.gov", "No message");
		assertThat(rows.get(1).text()).contains("2", "ann@x.gov", "Say it is new");
		assertThat(rows.get(2).text()).contains("1", "tester");
		assertThat(rows.get(0).select("a[href*=restore]")).isEmpty();
		assertThat(rows.get(2).select("a[href*=restore]").attr("href"))
			.isEqualTo("/admin/articles/" + this.story + "/restore?revision=1");
		assertThat(page.document().select("a[href=/admin/articles/" + this.story + "/edit]")).isNotEmpty();
	}

	@Test
	void runsOfAutomaticSavesAreFoldedUnderTheNewestYetEachIsStillThere() {
		for (int i = 1; i <= 3; i++) {
			this.stories.revise(this.story, "Bridge opens early", "Draft " + i + ".", "cy@x.gov",
					StoryEditing.AUTOSAVE_MESSAGE);
		}
		this.stories.revise(this.story, "Bridge opens early", "Final.", "cy@x.gov", "Ready for review");

		var page = this.browser.get("/admin/articles/" + this.story + "/history");
		List<Element> rows = page.document().select("tbody tr");
		assertThat(rows).hasSize(6);
		assertThat(rows.get(0).text()).contains("7", "Ready for review");
		assertThat(rows.get(1).text()).contains("6", "Saved automatically.");
		Element folded = rows.get(2);
		assertThat(folded.selectFirst("details summary").text())
			.isEqualTo("2 earlier automatic saves by cy@x.gov (revisions 4 to 5)");
		assertThat(folded.select("li").eachText()).satisfiesExactly((five) -> assertThat(five).startsWith("Revision 5"),
				(four) -> assertThat(four).startsWith("Revision 4"));
		assertThat(folded.select("a[href*=restore]").eachAttr("href")).containsExactly(
				"/admin/articles/" + this.story + "/restore?revision=5",
				"/admin/articles/" + this.story + "/restore?revision=4");
		assertThat(rows.get(3).text()).contains("3", "bo@x.gov");
		// Both pickers still offer every revision.
		assertThat(page.document().select("#from option")).hasSize(7);
	}

	@Test
	void aComparisonMarksAddedAndRemovedWordsInWordsToo() {
		var page = this.browser.get("/admin/articles/" + this.story + "/compare?from=1&to=2");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select(".gazette-diff dt").eachText()).containsExactly("Title", "Body");
		assertThat(page.document().select(".gazette-diff ins").eachText()).contains("[added: early]", "[added: new]");
		assertThat(page.document().select(".gazette-diff del").eachText()).contains("[removed: old]");
		assertThat(page.document().select(".gazette-diff ins .usa-sr-only")).isNotEmpty();
		var same = this.browser.get("/admin/articles/" + this.story + "/compare?from=2&to=2");
		assertThat(same.document().select("main").text()).contains("the same, word for word");
		// Newer first works too: the diff reads the other way.
		var backwards = this.browser.get("/admin/articles/" + this.story + "/compare?from=2&to=1");
		assertThat(backwards.document().select(".gazette-diff del").eachText()).contains("[removed: early]");
	}

	@Test
	void unknownStoriesAndRevisionsAreNotFoundAndNonsenseIsRefusedByField() {
		assertThat(this.browser.get("/admin/articles/99999999/history").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/articles/abc/history").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/articles/99999999999999999999/history").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/articles/99999999/compare?from=1&to=2").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/articles/" + this.story + "/compare?from=1&to=9").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/articles/" + this.story + "/restore?revision=9").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/articles/" + this.story + "/restore").status()).isEqualTo(404);
		var nonsense = this.browser.get("/admin/articles/" + this.story + "/compare?from=abc&to=-2");
		assertThat(nonsense.status()).isEqualTo(400);
		assertThat(nonsense.fieldError("from")).hasValue("Choose the revision to compare from.");
		assertThat(nonsense.fieldError("to")).hasValue("Choose the revision to compare with.");
		var missing = this.browser.get("/admin/articles/" + this.story + "/compare");
		assertThat(missing.status()).isEqualTo(400);
		this.browser.get("/admin/articles/" + this.story + "/restore?revision=1");
		assertThat(
				this.browser.post("/admin/articles/" + this.story + "/restore", Map.of("revision", "9", "version", "3"))
					.status())
			.isEqualTo(404);
		var noVersion = this.browser.post("/admin/articles/" + this.story + "/restore",
				Map.of("revision", "1", "version", "x"));
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(this.content.history(this.story)).hasSize(3);
	}

	@Test
	void restoringConfirmsThenSavesACopyAsTheNewestRevisionAndAuditsIt() {
		var confirm = this.browser.get("/admin/articles/" + this.story + "/restore?revision=1");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.document().select("h1").text()).isEqualTo("Restore revision 1 of “Bridge opens early”?");
		assertThat(confirm.document().select(".gazette-diff del").eachText()).contains("[removed: early]");
		String version = confirm.document().select("input[name=version]").val();
		var done = this.browser.post("/admin/articles/" + this.story + "/restore",
				Map.of("revision", "1", "version", version));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).isEqualTo("/admin/articles/" + this.story + "/history?restored=1&as=4");
		List<RevisionSummary> history = this.content.history(this.story);
		assertThat(history).hasSize(4);
		assertThat(history.get(0).createdBy()).isEqualTo(this.editor.email());
		assertThat(history.get(0).message()).isEqualTo("Restored revision 1.");
		assertThat(this.content.workingRevision(this.story).orElseThrow().title()).isEqualTo("Bridge opens");
		assertThat(this.browser.get(done.location()).document().select(".usa-alert--success").text())
			.isEqualTo("Revision 1 is restored, as the new revision 4.");
		var entries = this.audit.find(new AuditFilter(this.editor.email(), "article.restored", null, null, 1))
			.entries();
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.targetId()).isEqualTo(Long.toString(this.story));
			assertThat(entry.details()).isEqualTo("Restored revision 1 as revision 4.");
			assertThat(entry.clientAddress()).isNotBlank();
		});
	}

	@Test
	void aStaleRestoreIsRefusedAndShowsWhatChangedSince() {
		var confirm = this.browser.get("/admin/articles/" + this.story + "/restore?revision=1");
		String version = confirm.document().select("input[name=version]").val();
		this.stories.revise(this.story, "Bridge opens on Monday", "Body meanwhile.", "cy@x.gov", null);
		var stale = this.browser.post("/admin/articles/" + this.story + "/restore",
				Map.of("revision", "1", "version", version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.document().select(".usa-alert--error").text()).contains("Someone saved this story",
				"revision 4 by cy@x.gov");
		assertThat(this.content.history(this.story)).hasSize(4);
		String fresh = stale.document().select("input[name=version]").val();
		assertThat(fresh).isNotEqualTo(version);
		assertThat(stale.document().select(".gazette-diff del").eachText()).contains("[removed: on Monday]");
		var retried = this.browser.post("/admin/articles/" + this.story + "/restore",
				Map.of("revision", "1", "version", fresh));
		assertThat(retried.status()).isEqualTo(302);
		assertThat(this.content.history(this.story)).hasSize(5);
	}

	@Test
	void aRestoreWithoutTheFormTokenIsRefused() {
		int version = this.content.editable(this.story).orElseThrow().version();
		var forged = this.browser.postRaw("/admin/articles/" + this.story + "/restore",
				Map.of("revision", "1", "version", Integer.toString(version)));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.content.history(this.story)).hasSize(3);
	}

	@Test
	void contributorsRestoreOnlyTheirOwnDrafts() {
		Person contributor = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice theirs = new BackOffice(this.port);
		theirs.signIn(contributor.email(), contributor.password());
		assertThat(theirs.get("/admin/articles/" + this.story + "/history").status()).isEqualTo(200);
		assertThat(theirs.get("/admin/articles/" + this.story + "/history").document().select("a[href*=restore]"))
			.isEmpty();
		assertThat(theirs.get("/admin/articles/" + this.story + "/restore?revision=1").status()).isEqualTo(403);
		int version = this.content.editable(this.story).orElseThrow().version();
		assertThat(theirs
			.post("/admin/articles/" + this.story + "/restore",
					Map.of("revision", "1", "version", Integer.toString(version)))
			.status()).isEqualTo(403);
		assertThat(this.content.history(this.story)).hasSize(3);

		long own = this.content.createArticle(null, new RevisionDraft(ArticleType.STATEMENT, "Own words", "Summary.",
				null, "First.", List.of(), List.of(), ChangeKind.MAJOR, null), contributor.email());
		this.stories.revise(own, "Own words, changed", "Second.", contributor.email(), null);
		var confirm = theirs.get("/admin/articles/" + own + "/restore?revision=1");
		assertThat(confirm.status()).isEqualTo(200);
		var done = theirs.post("/admin/articles/" + own + "/restore",
				Map.of("revision", "1", "version", confirm.document().select("input[name=version]").val()));
		assertThat(done.status()).isEqualTo(302);
	}

}
