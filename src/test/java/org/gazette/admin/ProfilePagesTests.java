package org.gazette.admin;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.accounts.Role;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editors managing authors and topics over HTTP: create, edit, unique addresses, merges
 * and what they refuse, extra fields ignored, every change audited.
 */
@GazetteWebTest
class ProfilePagesTests {

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
	AuditLog audit;

	private Person editor;

	private BackOffice browser;

	private String suffix;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		this.editor = this.accounts.person(Role.EDITOR);
		this.browser = new BackOffice(this.port);
		this.browser.signIn(this.editor.email(), this.editor.password());
		this.browser.get("/admin/authors");
		this.suffix = NEXT.incrementAndGet() + "x" + (System.nanoTime() % 100000);
	}

	@Test
	void anAuthorIsCreatedWithAnAddressFromTheNameThenEditedAndAudited() {
		var created = this.browser.post("/admin/authors", Map.of("name", "Dana Reyes " + this.suffix, "slug", "",
				"jobTitle", "Press Secretary", "bioMarkdown", "Dana *leads* the press office."));
		assertThat(created.status()).isEqualTo(302);
		long id = Long.parseLong(created.location().replaceAll("\\D", ""));
		Author author = this.content.author(id).orElseThrow();
		assertThat(author.slug()).isEqualTo("dana-reyes-" + this.suffix);
		assertThat(author.bioHtml()).contains("<em>leads</em>");
		var form = this.browser.get(created.location());
		assertThat(form.document().select(".usa-alert--success").text()).isEqualTo("Author created.");
		assertThat(form.document().getElementById("slug").val()).isEqualTo(author.slug());
		assertThat(this.browser.get("/admin/authors").document().select("tbody th a").eachText())
			.contains("Dana Reyes " + this.suffix);

		var saved = this.browser.post("/admin/authors/" + id, Map.of("name", "Dana R. Reyes", "slug",
				"dana-reyes-" + this.suffix, "jobTitle", "", "bioMarkdown", ""));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.content.author(id).orElseThrow().name()).isEqualTo("Dana R. Reyes");
		var actions = this.audit.find(new AuditFilter(this.editor.email(), "author.", null, null, 1)).entries();
		assertThat(actions).extracting((entry) -> entry.action()).containsExactly("author.updated", "author.created");
		assertThat(actions).allSatisfy((entry) -> assertThat(entry.targetId()).isEqualTo(Long.toString(id)));
	}

	@Test
	void aTakenAddressIsRefusedNextToItsFieldWithWhatWasTypedKept() {
		Author taken = this.stories.author("Taken " + this.suffix);
		var refused = this.browser.post("/admin/authors", Map.of("name", "Someone <b>else</b>", "slug", taken.slug(),
				"jobTitle", "Analyst", "bioMarkdown", "Bio as typed."));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("slug"))
			.hasValue("Another author already uses the address " + taken.slug() + ".");
		assertThat(refused.document().getElementById("name").val()).isEqualTo("Someone <b>else</b>");
		assertThat(refused.document().getElementById("jobTitle").val()).isEqualTo("Analyst");
		assertThat(refused.document().getElementById("bioMarkdown").text()).isEqualTo("Bio as typed.");
		assertThat(refused.body()).doesNotContain("<b>else</b>");
		var blank = this.browser.post("/admin/authors", Map.of("name", " ", "slug", "Not A Slug"));
		assertThat(blank.fieldError("name")).hasValue("Name is required.");
		assertThat(blank.fieldError("slug")).isPresent();

		Author other = this.stories.author("Other " + this.suffix);
		var edit = this.browser.post("/admin/authors/" + other.id(),
				Map.of("name", "Other", "slug", taken.slug(), "jobTitle", "", "bioMarkdown", ""));
		assertThat(edit.status()).isEqualTo(422);
		assertThat(edit.fieldError("slug")).isPresent();
		assertThat(this.content.author(other.id()).orElseThrow().slug()).isEqualTo(other.slug());

		Topic topic = this.stories.topic("Taken topic " + this.suffix);
		var topicRefused = this.browser.post("/admin/topics",
				Map.of("name", "Copy", "slug", topic.slug(), "description", "Kept."));
		assertThat(topicRefused.status()).isEqualTo(422);
		assertThat(topicRefused.fieldError("slug"))
			.hasValue("Another topic already uses the address " + topic.slug() + ".");
		assertThat(topicRefused.document().getElementById("description").text()).isEqualTo("Kept.");
	}

	@Test
	void extraFieldsAreIgnored() {
		Author survivor = this.stories.author("Survivor " + this.suffix);
		var created = this.browser.post("/admin/authors", Map.of("name", "Mass " + this.suffix, "slug", "", "id", "1",
				"mergedInto", Long.toString(survivor.id()), "mergedIntoId", Long.toString(survivor.id())));
		long id = Long.parseLong(created.location().replaceAll("\\D", ""));
		assertThat(id).isNotEqualTo(1);
		assertThat(this.content.author(id).orElseThrow().merged()).isFalse();
		this.browser.post("/admin/authors/" + id, Map.of("name", "Mass", "slug", "mass-" + this.suffix, "id",
				Long.toString(survivor.id()), "mergedIntoId", Long.toString(survivor.id())));
		assertThat(this.content.author(id).orElseThrow().merged()).isFalse();
		assertThat(this.content.author(survivor.id()).orElseThrow().name()).isEqualTo("Survivor " + this.suffix);
		Topic topic = this.stories.topic("Topic " + this.suffix);
		this.browser.post("/admin/topics/" + topic.id(),
				Map.of("name", "Topic", "slug", topic.slug(), "id", "1", "mergedIntoId", "1"));
		assertThat(this.content.topic(topic.id()).orElseThrow().merged()).isFalse();
	}

	@Test
	void aMergeIsConfirmedThenCreditsTheSurvivor() {
		Author duplicate = this.stories.author("Jon Smith " + this.suffix);
		Author survivor = this.stories.author("Jonathan Smith " + this.suffix);
		this.stories.story("Credited to the duplicate " + this.suffix).by(duplicate).draft();
		var edit = this.browser.get("/admin/authors/" + duplicate.id());
		assertThat(edit.document().select("#into option").eachAttr("value")).contains(Long.toString(survivor.id()))
			.doesNotContain(Long.toString(duplicate.id()));
		var confirm = this.browser.get("/admin/authors/" + duplicate.id() + "/merge?into=" + survivor.id());
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.document().select("h1").text())
			.isEqualTo("Merge " + duplicate.name() + " into " + survivor.name() + "?");
		assertThat(confirm.document().select(".usa-summary-box").text()).contains("1 story credits",
				"/authors/" + duplicate.slug(), "/authors/" + survivor.slug(), "cannot be undone");
		assertThat(this.content.author(duplicate.id()).orElseThrow().merged()).isFalse();

		var merged = this.browser.post("/admin/authors/" + duplicate.id() + "/merge",
				Map.of("into", Long.toString(survivor.id())));
		assertThat(merged.status()).isEqualTo(302);
		assertThat(merged.location()).isEqualTo("/admin/authors/" + survivor.id() + "?merged=" + duplicate.id());
		assertThat(this.browser.get(merged.location()).document().select(".usa-alert--success").text())
			.isEqualTo(duplicate.name() + " is merged into " + survivor.name() + ".");
		assertThat(this.content.author(duplicate.id()).orElseThrow().mergedIntoId()).isEqualTo(survivor.id());
		assertThat(this.browser.get("/admin/authors").document().select("tbody th a").eachText())
			.doesNotContain(duplicate.name());
		assertThat(this.browser.get("/admin/authors/" + duplicate.id()).document().select("form.usa-form--large"))
			.isEmpty();
		assertThat(this.audit.find(new AuditFilter(this.editor.email(), "author.merged", null, null, 1)).entries())
			.singleElement()
			.satisfies((entry) -> assertThat(entry.details()).contains(duplicate.name(), survivor.name()));
	}

	@Test
	void mergesIntoItselfIntoAMergedOneOrFromAMergedOneAreRefused() {
		Author a = this.stories.author("A " + this.suffix);
		Author b = this.stories.author("B " + this.suffix);
		Author c = this.stories.author("C " + this.suffix);
		var self = this.browser.post("/admin/authors/" + a.id() + "/merge", Map.of("into", Long.toString(a.id())));
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.fieldError("into")).hasValue("An author cannot be merged into itself.");
		assertThat(this.browser.get("/admin/authors/" + a.id() + "/merge?into=" + a.id()).status()).isEqualTo(400);
		assertThat(this.browser.get("/admin/authors/" + a.id() + "/merge?into=abc").status()).isEqualTo(400);
		var nowhere = this.browser.post("/admin/authors/" + a.id() + "/merge", Map.of("into", "999999999"));
		assertThat(nowhere.status()).isEqualTo(422);
		assertThat(nowhere.fieldError("into")).hasValue("Choose an author from the list.");

		this.browser.post("/admin/authors/" + b.id() + "/merge", Map.of("into", Long.toString(c.id())));
		var intoMerged = this.browser.post("/admin/authors/" + a.id() + "/merge",
				Map.of("into", Long.toString(b.id())));
		assertThat(intoMerged.status()).isEqualTo(422);
		assertThat(intoMerged.fieldError("into"))
			.hasValueSatisfying((message) -> assertThat(message).contains(b.name() + " was merged into " + c.name()));
		var fromMerged = this.browser.post("/admin/authors/" + b.id() + "/merge",
				Map.of("into", Long.toString(a.id())));
		assertThat(fromMerged.status()).isEqualTo(422);
		assertThat(fromMerged.document().select(".usa-alert--error").text())
			.contains(b.name() + " was already merged into " + c.name());
		assertThat(this.content.author(a.id()).orElseThrow().merged()).isFalse();
		assertThat(this.content.author(b.id()).orElseThrow().mergedIntoId()).isEqualTo(c.id());

		Topic t1 = this.stories.topic("T1 " + this.suffix);
		var topicSelf = this.browser.post("/admin/topics/" + t1.id() + "/merge",
				Map.of("into", Long.toString(t1.id())));
		assertThat(topicSelf.status()).isEqualTo(422);
		assertThat(topicSelf.fieldError("into")).hasValue("A topic cannot be merged into itself.");
		assertThat(this.browser.get("/admin/authors/99999999/merge").status()).isEqualTo(404);
		assertThat(this.browser.get("/admin/topics/99999999").status()).isEqualTo(404);
	}

	@Test
	void topicsAreMergedWithTheirStories() {
		Topic duplicate = this.stories.topic("Tarrifs " + this.suffix);
		Topic survivor = this.stories.topic("Tariffs " + this.suffix);
		long story = this.stories.story("About tariffs " + this.suffix).about(duplicate).draft();
		var confirm = this.browser.get("/admin/topics/" + duplicate.id() + "/merge?into=" + survivor.id());
		assertThat(confirm.document().select(".usa-summary-box").text()).contains("1 story is about");
		this.browser.post("/admin/topics/" + duplicate.id() + "/merge", Map.of("into", Long.toString(survivor.id())));
		assertThat(this.browser.get("/admin/articles?topic=" + survivor.id())
			.document()
			.select("tbody th a")
			.eachAttr("href")).contains("/admin/articles/" + story + "/edit");
		assertThat(this.audit.find(new AuditFilter(this.editor.email(), "topic.merged", null, null, 1)).entries())
			.hasSize(1);
	}

	@Test
	void contributorsCannotManageProfilesAndFormsNeedTheirToken() {
		Person contributor = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice theirs = new BackOffice(this.port);
		theirs.signIn(contributor.email(), contributor.password());
		assertThat(theirs.get("/admin/authors").status()).isEqualTo(403);
		assertThat(theirs.get("/admin/topics/new").status()).isEqualTo(403);
		assertThat(theirs.post("/admin/authors", Map.of("name", "Sneaky " + this.suffix)).status()).isEqualTo(403);
		var forged = this.browser.postRaw("/admin/authors", Map.of("name", "Forged " + this.suffix));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.content.authors()).extracting(Author::name)
			.doesNotContain("Forged " + this.suffix, "Sneaky " + this.suffix);
	}

}
