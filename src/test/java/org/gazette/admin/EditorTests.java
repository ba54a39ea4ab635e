package org.gazette.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gazette.accounts.Role;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.EditableArticle;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.Revision;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing and editing stories over HTTP, as a browser without script does: every field,
 * every field's errors with what was typed kept, fields the form does not have, unknown
 * ids, stale saves, who may edit what, the preview's headers and the audit log.
 */
@GazetteWebTest
class EditorTests {

	private static int next;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@Autowired
	Publishing publishing;

	@Autowired
	JdbcClient jdbc;

	Author first;

	Author second;

	Topic ports;

	Topic trade;

	@BeforeEach
	void profiles() {
		this.accounts.forgetFailedSignIns();
		int n = ++next;
		this.first = this.content.createAuthor(new NewAuthor("ed-first-" + n, "Ana First", "", ""));
		this.second = this.content.createAuthor(new NewAuthor("ed-second-" + n, "Ben Second", "", ""));
		this.ports = this.content.createTopic(new NewTopic("ed-ports-" + n, "Ports " + n, ""));
		this.trade = this.content.createTopic(new NewTopic("ed-trade-" + n, "Trade " + n, ""));
	}

	/** A draft with what the rules require. */
	static RevisionDraft draft(String title) {
		return new RevisionDraft(ArticleType.NEWS_RELEASE, title, "A summary.", null, "Body.", List.of(), List.of(),
				null, null);
	}

	/** A form with what the rules require. */
	static Map<String, String> form(String title, String version) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("type", "news-release");
		form.put("summary", "A summary.");
		form.put("bodyMarkdown", "Body.");
		form.put("version", version);
		return form;
	}

	@Test
	void createsAndSavesAStoryWithEveryField() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		BackOffice.Page blank = client.get("/admin/articles/new");
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.document().select("select[name=authorIds]")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(blank.document().select("input[name=type]")).hasSize(ArticleType.values().length);
		String slug = "port-lanes-" + next;
		BackOffice.Page created = post(client, "/admin/articles", "title=Port lanes open&slug=" + slug
				+ "&type=feature-story&authorIds=" + this.second.id() + "&authorIds=" + this.first.id()
				+ "&authorIds=&topicIds=" + this.ports.id() + "&topicIds=" + this.trade.id()
				+ "&summary=Two lanes open.&dateline=LAREDO, Texas&bodyMarkdown=## Lanes%0A%0AThey *open*.&message=First draft");
		assertThat(created.status()).isEqualTo(303);
		long id = idFrom(created.location());
		assertThat(created.location()).isEqualTo("/admin/articles/" + id + "/edit?created");
		EditableArticle article = this.content.editable(id).orElseThrow();
		Revision revision = article.workingRevision();
		assertThat(article.slug()).isEqualTo(slug);
		assertThat(article.createdBy()).isEqualTo(writer.email());
		assertThat(revision.type()).isEqualTo(ArticleType.FEATURE_STORY);
		assertThat(revision.title()).isEqualTo("Port lanes open");
		assertThat(revision.authorIds()).containsExactly(this.second.id(), this.first.id());
		assertThat(revision.topicIds()).containsExactlyInAnyOrder(this.ports.id(), this.trade.id());
		assertThat(revision.summary()).isEqualTo("Two lanes open.");
		assertThat(revision.dateline()).isEqualTo("LAREDO, Texas");
		assertThat(revision.bodyMarkdown()).isEqualTo("## Lanes\n\nThey *open*.");
		assertThat(revision.bodyHtml()).contains("<h2>Lanes</h2>").contains("<em>open</em>");
		assertThat(revision.message()).isEqualTo("First draft");
		assertThat(revision.createdBy()).isEqualTo(writer.email());

		BackOffice.Page edit = client.get("/admin/articles/" + id + "/edit?created");
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.document().select(".usa-alert--success").text()).contains("Story created");
		assertThat(edit.document().getElementById("title").val()).isEqualTo("Port lanes open");
		assertThat(edit.document().select("select[name=authorIds] option[selected]").eachAttr("value"))
			.containsExactly(Long.toString(this.second.id()), Long.toString(this.first.id()));
		assertThat(edit.document().select("input[name=topicIds][checked]")).hasSize(2);
		assertThat(edit.document().select("a[href=/admin/articles/" + id + "/history]")).hasSize(1);
		String version = edit.document().selectFirst("input[name=version]").val();

		BackOffice.Page saved = post(client, "/admin/articles/" + id,
				"title=Port lanes reopen&slug=" + slug + "-2&type=statement&authorIds=" + this.first.id()
						+ "&summary=Changed.&dateline=&bodyMarkdown=New body.&message=Second&version=" + version);
		assertThat(saved.status()).isEqualTo(303);
		assertThat(saved.location()).isEqualTo("/admin/articles/" + id + "/edit?saved");
		EditableArticle after = this.content.editable(id).orElseThrow();
		assertThat(after.slug()).isEqualTo(slug + "-2");
		assertThat(after.workingRevision().number()).isEqualTo(2);
		assertThat(after.workingRevision().type()).isEqualTo(ArticleType.STATEMENT);
		assertThat(after.workingRevision().authorIds()).containsExactly(this.first.id());
		assertThat(after.workingRevision().topicIds()).isEmpty();
		assertThat(after.workingRevision().dateline()).isNull();
		assertThat(auditActions(id)).containsExactly("story.created", "story.saved");
	}

	@Test
	void fieldErrorsKeepWhatWasTyped() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		String longTitle = "T".repeat(10_000);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", longTitle);
		form.put("slug", "Bad Slug!");
		form.put("type", "opinion-piece");
		form.put("summary", "S".repeat(1001));
		form.put("dateline", "Typed dateline");
		form.put("bodyMarkdown", "B".repeat(500_001));
		form.put("message", "kept message");
		BackOffice.Page refused = client.post("/admin/articles", form);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("title")).hasValueSatisfying((m) -> assertThat(m).contains("longer than 300"));
		assertThat(refused.fieldError("slug")).hasValueSatisfying((m) -> assertThat(m).contains("lower-case"));
		assertThat(refused.fieldError("type")).hasValue("Choose one of the kinds of story listed.");
		assertThat(refused.fieldError("summary")).hasValueSatisfying((m) -> assertThat(m).contains("1000"));
		assertThat(refused.fieldError("bodyMarkdown")).hasValueSatisfying((m) -> assertThat(m).contains("500000"));
		assertThat(refused.document().getElementById("title").val()).isEqualTo(longTitle);
		assertThat(refused.document().getElementById("slug").val()).isEqualTo("Bad Slug!");
		assertThat(refused.document().getElementById("summary").val()).hasSize(1001);
		assertThat(refused.document().getElementById("dateline").val()).isEqualTo("Typed dateline");
		assertThat(refused.document().getElementById("bodyMarkdown").val()).hasSize(500_001);
		assertThat(refused.document().getElementById("message").val()).isEqualTo("kept message");
		assertThat(refused.document().select(".usa-alert--error a").eachAttr("href")).containsExactly("#title", "#slug",
				"#type", "#summary", "#bodyMarkdown");

		Map<String, String> empty = form("", "");
		empty.put("authorIds", "999999999");
		BackOffice.Page missing = client.post("/admin/articles", withList(empty, "topicIds", "888888888", "x"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.fieldError("title")).hasValue("Title is required.");
		assertThat(missing.fieldError("authorIds")).hasValue("The byline names an author who does not exist.");
		assertThat(missing.fieldError("topicIds")).hasValue("A topic does not exist.");

		long taken = this.content.createArticle("taken-" + next, draft("Taken"), writer.email());
		Map<String, String> duplicate = form("Another", "");
		duplicate.put("slug", "taken-" + next);
		BackOffice.Page clash = client.post("/admin/articles", duplicate);
		assertThat(clash.status()).isEqualTo(422);
		assertThat(clash.fieldError("slug")).hasValue("Another story already uses the address taken-" + next + ".");
		assertThat(this.content.editable(taken)).isPresent();

		long mine = this.content.createArticle(null, draft("Mine"), writer.email());
		Map<String, String> edit = form("", "1");
		edit.put("slug", "taken-" + next);
		BackOffice.Page editErrors = client.post("/admin/articles/" + mine, edit);
		assertThat(editErrors.status()).isEqualTo(422);
		assertThat(editErrors.fieldError("title")).hasValue("Title is required.");
		assertThat(editErrors.fieldError("slug"))
			.hasValue("Another story already uses the address taken-" + next + ".");
		assertThat(this.content.editable(mine).orElseThrow().workingRevision().number()).isEqualTo(1);
	}

	@Test
	void aFormWithoutItsTokenIsRefused() {
		BackOffice client = signedIn(this.accounts.person(Role.EDITOR));
		long id = this.content.createArticle(null, draft("Token"), "someone@agency.example.gov");
		assertThat(client.postRaw("/admin/articles", form("No token", "")).status()).isEqualTo(403);
		assertThat(client.postRaw("/admin/articles/" + id, form("No token", "1")).status()).isEqualTo(403);
		assertThat(client.postRaw("/admin/articles/" + id + "/autosave", form("No token", "1")).status())
			.isEqualTo(403);
		assertThat(this.content.editable(id).orElseThrow().workingRevision().title()).isEqualTo("Token");
	}

	@Test
	void fieldsTheFormDoesNotHaveAreIgnored() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long other = this.content.createArticle(null, draft("Other"), "other@agency.example.gov");
		Map<String, String> form = form("Games", "");
		form.put("id", Long.toString(other));
		form.put("status", "PUBLISHED");
		form.put("state", "published");
		form.put("createdBy", "other@agency.example.gov");
		form.put("publishedRevisionId", "1");
		form.put("version", "99");
		BackOffice.Page created = client.post("/admin/articles", form);
		assertThat(created.status()).isEqualTo(303);
		long id = idFrom(created.location());
		assertThat(id).isNotEqualTo(other);
		EditableArticle article = this.content.editable(id).orElseThrow();
		assertThat(article.state()).isEqualTo("draft");
		assertThat(article.everPublished()).isFalse();
		assertThat(article.createdBy()).isEqualTo(writer.email());
		assertThat(article.version()).isEqualTo(1);
		assertThat(this.content.editable(other).orElseThrow().workingRevision().title()).isEqualTo("Other");

		// The version is the lock: a made-up one is a conflict, not a save.
		for (String version : List.of("99", "0", "-1", "abc", "")) {
			Map<String, String> save = form("Version " + version, version);
			save.put("createdBy", "other@agency.example.gov");
			BackOffice.Page answer = client.post("/admin/articles/" + id, save);
			assertThat(answer.status()).as("version %s", version).isEqualTo(409);
		}
		assertThat(this.content.editable(id).orElseThrow().workingRevision().number()).isEqualTo(1);
		assertThat(this.content.editable(id).orElseThrow().createdBy()).isEqualTo(writer.email());
	}

	@Test
	void unknownStoriesAreNotFound() {
		BackOffice client = signedIn(this.accounts.person(Role.ADMIN));
		for (String path : List.of("/admin/articles/99999999/edit", "/admin/articles/99999999/preview",
				"/admin/articles/abc/edit", "/admin/articles/99999999999999999999999/edit")) {
			BackOffice.Page page = client.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.document().select("h1").text()).as(path).isEqualTo("Page not found");
		}
		assertThat(client.post("/admin/articles/99999999", form("x", "1")).status()).isEqualTo(404);
		assertThat(client.post("/admin/articles/99999999/preview", form("x", "1")).status()).isEqualTo(404);
		assertThat(client.post("/admin/articles/99999999/autosave", form("x", "1")).status()).isEqualTo(404);
	}

	@Test
	void aStaleSaveShowsBothVersionsAndLetsThePersonChoose() {
		Person one = this.accounts.person(Role.EDITOR);
		Person two = this.accounts.person(Role.EDITOR);
		long id = this.content.createArticle(null, new RevisionDraft(ArticleType.NEWS_RELEASE, "Lanes open",
				"A summary.", null, "The lanes open on Monday.", List.of(), List.of(), null, null), one.email());
		BackOffice first = signedIn(one);
		BackOffice secondClient = signedIn(two);
		String version = first.get("/admin/articles/" + id + "/edit")
			.document()
			.selectFirst("input[name=version]")
			.val();
		secondClient.get("/admin/articles/" + id + "/edit");
		Map<String, String> theirs = form("Lanes open", version);
		theirs.put("bodyMarkdown", "The lanes open on Tuesday.");
		assertThat(secondClient.post("/admin/articles/" + id, theirs).status()).isEqualTo(303);

		Map<String, String> mine = form("Lanes open early", version);
		mine.put("bodyMarkdown", "The lanes open on Sunday.");
		BackOffice.Page conflict = first.post("/admin/articles/" + id, mine);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.document().select("h1").text()).isEqualTo("Someone else saved this story");
		assertThat(conflict.body()).contains(two.email());
		assertThat(conflict.document().select(".gazette-diff del").text()).contains("Tuesday");
		assertThat(conflict.document().select(".gazette-diff ins").text()).contains("Sunday", "early");
		assertThat(this.content.editable(id).orElseThrow().workingRevision().bodyMarkdown())
			.isEqualTo("The lanes open on Tuesday.");

		// Back to the editor with my text, at the version now stored.
		Map<String, String> choice = hiddenFields(conflict.document().selectFirst("form.gazette-conflict-choices"));
		choice.put("intent", "edit");
		BackOffice.Page editing = first.post("/admin/articles/" + id, choice);
		assertThat(editing.status()).isEqualTo(200);
		assertThat(editing.document().getElementById("title").val()).isEqualTo("Lanes open early");
		assertThat(editing.document().getElementById("bodyMarkdown").val()).isEqualTo("The lanes open on Sunday.");
		assertThat(this.content.editable(id).orElseThrow().workingRevision().number()).isEqualTo(2);

		// Or save mine over theirs, which stays in the history.
		choice.put("intent", "save");
		assertThat(first.post("/admin/articles/" + id, choice).status()).isEqualTo(303);
		assertThat(this.content.editable(id).orElseThrow().workingRevision().bodyMarkdown())
			.isEqualTo("The lanes open on Sunday.");
		assertThat(this.content.history(id)).hasSize(3);
	}

	@Test
	void theConflictPageCarriesEveryFieldOfTheEditorSoSavingMineLosesNothing() {
		Person one = this.accounts.person(Role.EDITOR);
		long id = this.content.createArticle(null, new RevisionDraft(ArticleType.NEWS_RELEASE, "Ports reopen",
				"A summary.", null, "The ports reopen.", List.of(), List.of(), null, null), one.email());
		BackOffice client = signedIn(one);
		Element editor = client.get("/admin/articles/" + id + "/edit").document().getElementById("story-form");
		Map<String, String> stale = form("Ports reopen at dawn", "999");
		stale.put("dateline", "EL PASO, Texas");
		stale.put("authorIds", Long.toString(this.first.id()));
		stale.put("topicIds", Long.toString(this.ports.id()));
		BackOffice.Page conflict = client.post("/admin/articles/" + id, stale);
		assertThat(conflict.status()).isEqualTo(409);

		Element choices = conflict.document().selectFirst("form.gazette-conflict-choices");
		Set<String> carried = new TreeSet<>(choices.select("input[type=hidden]").eachAttr("name"));
		// Every field the editor sends (a box nobody ticked sends nothing).
		Set<String> edited = new TreeSet<>(editor.select("input[name], textarea[name], select[name]")
			.stream()
			.filter((field) -> !field.attr("type").equals("submit"))
			.filter((field) -> !field.attr("type").matches("checkbox|radio") || field.hasAttr("checked"))
			.map((field) -> field.attr("name"))
			.toList());
		assertThat(carried).containsAll(edited);
		assertThat(hiddenFields(choices)).containsEntry("dateline", "EL PASO, Texas")
			.containsEntry("title", "Ports reopen at dawn");
		// Each change is named for screen readers, not only struck through or underlined.
		assertThat(conflict.document().select(".gazette-diff ins .usa-sr-only").eachText()).contains("[only in yours:");
	}

	@Test
	void contributorsEditOnlyTheirOwnDrafts() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		Person colleague = this.accounts.person(Role.CONTRIBUTOR);
		long theirs = this.content.createArticle(null, draft("Colleague's"), colleague.email());
		long mine = this.content.createArticle(null, draft("Mine"), writer.email());
		BackOffice client = signedIn(writer);
		assertThat(client.get("/admin/articles/" + mine + "/edit").status()).isEqualTo(200);
		for (String path : List.of("/edit", "/preview")) {
			BackOffice.Page refused = client.get("/admin/articles/" + theirs + path);
			assertThat(refused.status()).as(path).isEqualTo(403);
		}
		assertThat(client.get("/admin/articles/" + theirs + "/edit").document().select("h1").text())
			.isEqualTo("You cannot edit this story");
		for (String path : List.of("", "/preview", "/autosave")) {
			assertThat(client.post("/admin/articles/" + theirs + path, form("Taken over", "1")).status()).as(path)
				.isEqualTo(403);
		}
		assertThat(this.content.editable(theirs).orElseThrow().workingRevision().title()).isEqualTo("Colleague's");

		// Their own story, once published, is the editors' to change; they may still read
		// it.
		this.publishing.publish(mine, null);
		BackOffice.Page sent = client.get("/admin/articles/" + mine + "/edit");
		assertThat(sent.status()).isEqualTo(303);
		assertThat(sent.location()).endsWith("/admin/articles/" + mine + "/preview");
		BackOffice.Page readOnly = client.get("/admin/articles/" + mine + "/preview");
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.document().select("h1").text()).contains("Mine");
		assertThat(readOnly.body()).contains("only they can change it now").doesNotContain("Back to the editor");
		assertThat(client.post("/admin/articles/" + mine, form("Changed after", "1")).status()).isEqualTo(403);

		BackOffice editor = signedIn(this.accounts.person(Role.EDITOR));
		assertThat(editor.get("/admin/articles/" + theirs + "/edit").status()).isEqualTo(200);
		BackOffice.Page published = editor.get("/admin/articles/" + mine + "/edit");
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.document().select("input[name=changeKind]")).hasSize(2);
		assertThat(published.document().getElementById("slug").hasAttr("readonly")).isTrue();
		assertThat(published.document().selectFirst("form#story-form").attr("data-autosave-url")).isEmpty();
		Map<String, String> major = form("Mine, corrected",
				published.document().selectFirst("input[name=version]").val());
		major.put("changeKind", "major");
		major.put("changeNote", "Corrected the date.");
		assertThat(editor.post("/admin/articles/" + mine, major).status()).isEqualTo(303);
		Revision corrected = this.content.editable(mine).orElseThrow().workingRevision();
		assertThat(corrected.changeKind().name()).isEqualTo("MAJOR");
		assertThat(corrected.changeNote()).isEqualTo("Corrected the date.");
	}

	@Test
	void previewUsesThePublicTemplateAndStaysPrivate() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long id = this.content.createArticle("preview-" + next, draft("Saved title"), writer.email());
		Map<String, String> form = form("Unsaved title", "1");
		form.put("type", "news-release");
		form.put("dateline", "LAREDO, Texas");
		form.put("bodyMarkdown", "# Big\n\nFirst line.\n\n<script>alert(1)</script>");
		form.put("authorIds", Long.toString(this.first.id()));
		BackOffice.Page preview = client.post("/admin/articles/" + id + "/preview", form);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.header("X-Robots-Tag")).hasValue("noindex, nofollow");
		assertThat(preview.header("Cache-Control")).hasValueSatisfying((v) -> assertThat(v).contains("no-store"));
		assertThat(preview.document().select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
		assertThat(preview.document().select("link[rel=canonical]")).isEmpty();
		assertThat(preview.document().select(".gazette-preview-notice").text()).contains("Preview, not public");
		assertThat(preview.document().select("main article h1").text()).isEqualTo("Unsaved title");
		assertThat(preview.document().select(".gazette-body h2").text()).isEqualTo("Big");
		assertThat(preview.document().select(".gazette-body .gazette-dateline").text()).isEqualTo("LAREDO, Texas");
		assertThat(preview.document().select(".gazette-byline a").text()).isEqualTo("Ana First");
		assertThat(preview.body()).doesNotContain("<script>alert(1)</script>");
		assertThat(this.content.editable(id).orElseThrow().workingRevision().title()).isEqualTo("Saved title");

		BackOffice.Page saved = client.get("/admin/articles/" + id + "/preview");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.header("X-Robots-Tag")).hasValue("noindex, nofollow");
		assertThat(saved.document().select("main article h1").text()).isEqualTo("Saved title");
		BackOffice.Page fresh = client.post("/admin/articles/preview", form("Not created yet", ""));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.document().select("main article h1").text()).isEqualTo("Not created yet");

		// Readers never get the preview: the story is not public, and its address is not
		// served from anything the preview left behind.
		BackOffice reader = new BackOffice(this.port);
		assertThat(reader.get("/news/preview-" + next).status()).isEqualTo(404);
		this.publishing.publish(id, null);
		BackOffice.Page page = reader.get("/news/preview-" + next);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("main article h1").text()).isEqualTo("Saved title");
		assertThat(page.document().select(".gazette-preview-notice")).isEmpty();
		assertThat(page.header("X-Robots-Tag")).isEmpty();
	}

	@Test
	void autosaveAnswersInJsonWithTheSameRules() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long id = this.content.createArticle(null, draft("Autosaved"), writer.email());
		client.get("/admin/articles/" + id + "/edit");
		BackOffice.Page unchanged = client.post("/admin/articles/" + id + "/autosave", form("Autosaved", "1"));
		assertThat(unchanged.status()).isEqualTo(200);
		assertThat(unchanged.body()).contains("\"version\":1").contains("Saved at");
		assertThat(this.content.history(id)).hasSize(1);

		BackOffice.Page saved = client.post("/admin/articles/" + id + "/autosave", form("Autosaved twice", "1"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.header("Content-Type"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("application/json"));
		assertThat(saved.body()).contains("\"version\":2");
		assertThat(this.content.editable(id).orElseThrow().workingRevision().message())
			.isEqualTo("Saved automatically.");

		BackOffice.Page invalid = client.post("/admin/articles/" + id + "/autosave", form("", "2"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body()).contains("Title is required.");
		BackOffice.Page stale = client.post("/admin/articles/" + id + "/autosave", form("Stale", "1"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("\"status\":\"conflict\"");
		assertThat(auditActions(id)).containsExactly("story.autosaved");
	}

	@Test
	void aSaveAfterTheSessionEndedLeadsBackToTheEditorThroughSignIn() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long id = this.content.createArticle(null, draft("Expiring"), writer.email());
		client.get("/admin/articles/" + id + "/edit");
		// The session ends (idle timeout) on the server while the page is open.
		String sessionId = new String(java.util.Base64.getDecoder().decode(client.sessionCookie()),
				java.nio.charset.StandardCharsets.UTF_8);
		this.jdbc
			.sql("delete from spring_session_attributes where session_primary_id in "
					+ "(select primary_id from spring_session where session_id = :id)")
			.param("id", sessionId)
			.update();
		assertThat(this.jdbc.sql("delete from spring_session where session_id = :id").param("id", sessionId).update())
			.isEqualTo(1);
		BackOffice.Page answer = client.post("/admin/articles/" + id, form("Typed late", "1"));
		assertThat(answer.status()).isEqualTo(303);
		assertThat(answer.location()).isEqualTo("/admin/articles/" + id + "/edit");
		BackOffice.Page editor = client.get(answer.location());
		assertThat(editor.status()).isEqualTo(302);
		assertThat(editor.location()).startsWith("/admin/sign-in");
		BackOffice.Page signIn = client.signIn(writer.email(), writer.password());
		assertThat(signIn.location()).startsWith("/admin/articles/" + id + "/edit");
		assertThat(client.get(signIn.location()).status()).isEqualTo(200);
		assertThat(client.post("/admin/articles/" + id, form("Typed late", "1")).status()).isEqualTo(303);
		assertThat(this.content.editable(id).orElseThrow().workingRevision().title()).isEqualTo("Typed late");
	}

	private List<String> auditActions(long id) {
		return this.jdbc
			.sql("select action from audit_event where target_type = 'story' and target_id = :id order by id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

	private BackOffice signedIn(Person person) {
		BackOffice client = new BackOffice(this.port);
		assertThat(this.accounts.signIn(client, person).status()).isEqualTo(302);
		client.get("/admin");
		return client;
	}

	/** Posts a form written as a query string, so fields can repeat. */
	private static BackOffice.Page post(BackOffice client, String path, String fields) {
		Map<String, String> form = new LinkedHashMap<>();
		List<String> repeated = new ArrayList<>();
		for (String pair : fields.split("&")) {
			String[] parts = pair.split("=", 2);
			String value = java.net.URLDecoder.decode(parts[1].replace("+", "%2B"),
					java.nio.charset.StandardCharsets.UTF_8);
			if (form.containsKey(parts[0]) || parts[0].endsWith("Ids")) {
				repeated.add(parts[0] + "\u0000" + value);
			}
			else {
				form.put(parts[0], value);
			}
		}
		return client.post(path, withRepeated(form, repeated));
	}

	private static Map<String, String> withList(Map<String, String> form, String name, String... values) {
		List<String> repeated = new ArrayList<>();
		for (String value : values) {
			repeated.add(name + "\u0000" + value);
		}
		return withRepeated(form, repeated);
	}

	/**
	 * BackOffice posts a map; a repeated field is sent as one key per value, told apart
	 * by a suffix the server never sees ({@code authorIds[0]}... would bind differently).
	 */
	private static Map<String, String> withRepeated(Map<String, String> form, List<String> repeated) {
		Map<String, String> all = new LinkedHashMap<>(form);
		for (String entry : repeated) {
			String[] parts = entry.split("\u0000", 2);
			all.put(parts[0] + "\u0000" + all.size(), parts[1]);
		}
		return all;
	}

	private static Map<String, String> hiddenFields(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[type=hidden]")) {
			String name = input.attr("name");
			fields.put(fields.containsKey(name) ? name + "\u0000" + fields.size() : name, input.val());
		}
		fields.remove("_csrf");
		return fields;
	}

	private static long idFrom(String location) {
		return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+)/.*$", "$1"));
	}

}
