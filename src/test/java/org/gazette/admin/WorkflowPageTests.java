package org.gazette.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.RevisionDraft;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.publishing.TestReleaseRunner;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow's buttons on the editor page, over HTTP: the whole path from a writer to
 * readers, what each role is offered, and every refusal with its message and status.
 */
@GazetteWebTest
class WorkflowPageTests {

	private static int next;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.context.ApplicationContext application;

	Author jane;

	String slug;

	@BeforeEach
	void setUp() {
		this.accounts.forgetFailedSignIns();
		int n = ++next;
		this.jane = this.content.createAuthor(new NewAuthor("wf-jane-" + n, "Jane Workflow " + n, "", ""));
		this.slug = "workflow-story-" + n + "-" + System.nanoTime();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private long storyBy(Person writer) {
		return this.content.createArticle(this.slug,
				new RevisionDraft(ArticleType.NEWS_RELEASE, "Port hours extended " + next, "Longer hours at the port.",
						null, "The port opens earlier.", List.of(this.jane.id()), List.of(), null, null),
				writer.email());
	}

	@Test
	void aStoryGoesFromWriterToEditorToPublisherAndReachesReadersAtItsReleaseInstant() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		Person editor = this.accounts.person(Role.EDITOR);
		Person publisher = this.accounts.person(Role.PUBLISHER);
		long id = storyBy(writer);
		String page = "/admin/articles/" + id + "/edit";

		BackOffice asWriter = signedIn(writer);
		BackOffice.Page draft = asWriter.get(page);
		assertThat(draft.document().select("#workflow-status").text()).isEqualTo("Draft: readers cannot see it.");
		assertThat(actions(draft)).containsExactly("submit");
		BackOffice.Page submitted = act(asWriter, id, "submit", Map.of());
		assertThat(submitted.status()).isEqualTo(303);
		assertThat(submitted.location()).isEqualTo("/admin?submitted=" + id);
		assertThat(asWriter.get(submitted.location()).document().select(".usa-alert--success").text())
			.contains("Submitted for review");

		BackOffice asEditor = signedIn(editor);
		assertThat(asEditor.get("/admin").document().select("section[aria-labelledby=in-review] a").eachAttr("href"))
			.contains(page);
		assertThat(actions(asEditor.get(page))).containsExactly("approve", "send-back");
		BackOffice.Page approved = act(asEditor, id, "approve", Map.of());
		assertThat(approved.location()).isEqualTo(page + "?done=approve");
		assertThat(asEditor.get(approved.location()).document().select(".usa-alert--success").text())
			.isEqualTo("Approved. A publisher can now publish or schedule it.");

		BackOffice asPublisher = signedIn(publisher);
		assertThat(asPublisher.get("/admin").document().select("section[aria-labelledby=approved] a").eachAttr("href"))
			.contains(page);
		BackOffice.Page ready = asPublisher.get(page);
		assertThat(actions(ready)).contains("publish", "schedule", "archive");
		assertThat(ready.document().select("#releaseDate").attr("type")).isEqualTo("date");
		// The clock reads 3:00 PM Eastern on November 27, 2026.
		BackOffice.Page scheduled = act(asPublisher, id, "schedule",
				Map.of("releaseDate", "2026-11-28", "releaseTime", "09:30"));
		assertThat(scheduled.location()).isEqualTo(page + "?done=schedule");
		BackOffice.Page after = asPublisher.get(scheduled.location());
		assertThat(after.document().select(".usa-alert--success").text())
			.isEqualTo("Scheduled for November 28, 2026 at 9:30 AM EST.");
		// Signing in with a code moved the clock on by a few 30-second steps.
		assertThat(after.document().select("#workflow-status").text())
			.matches("Scheduled for November 28, 2026 at 9:30 AM EST \\(in 1[89] hours\\)\\.");
		assertThat(actions(after)).containsExactly("publish", "reschedule", "unschedule");

		Instant release = Instant.parse("2026-11-28T14:30:00Z");
		Http readers = new Http(this.port);
		this.clock.set(release.minusMillis(1));
		assertThat(readers.get("/news/" + this.slug).status()).isEqualTo(404);
		this.clock.set(release);
		assertThat(readers.get("/news/" + this.slug).status()).isEqualTo(200);
		BackOffice.Page live = asPublisher.get(page);
		assertThat(live.document().select("#workflow-status").text())
			.startsWith("Live since November 28, 2026 at 9:30:00 AM EST");
		assertThat(live.document().select(".gazette-workflow p").eachText())
			.contains("Release recorded in the audit log: due since November 28, 2026 at 9:30 AM EST.");
		TestReleaseRunner.runDue(this.application);
		assertThat(asPublisher.get(page).document().select(".gazette-workflow p").eachText())
			.contains("Release recorded in the audit log: done at November 28, 2026 at 9:30 AM EST.");

		BackOffice.Page history = asEditor.get("/admin/articles/" + id + "/history");
		assertThat(history.document().select("#workflow-steps th[data-label=What]").eachText()).containsExactly(
				"Scheduled revision 1 for November 28, 2026 at 9:30 AM EST", "Approved revision 1",
				"Submitted revision 1 for review");
	}

	@Test
	void aStepTheStoryIsNotReadyForAnswers409WithTheReasonAndALinkBack() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = storyBy(writer);
		BackOffice asEditor = signedIn(this.accounts.person(Role.EDITOR));
		asEditor.get("/admin/articles/" + id + "/edit");
		BackOffice.Page refused = act(asEditor, id, "approve", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().select("main p.usa-intro").text())
			.isEqualTo("Only a story in review can be approved; this story is a draft.");
		assertThat(refused.document().select("main a[href=/admin/articles/" + id + "/edit]").text())
			.isEqualTo("Back to the story");
	}

	@Test
	void aRoleThatLacksTheStepIsRefusedWith403AndNothingChanges() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = storyBy(writer);
		BackOffice asWriter = signedIn(writer);
		asWriter.get("/admin/articles/" + id + "/edit");
		for (String step : List.of("approve", "publish", "schedule", "archive", "unarchive")) {
			assertThat(act(asWriter, id, step, Map.of()).status()).as(step).isEqualTo(403);
		}
		BackOffice asOther = signedIn(this.accounts.person(Role.CONTRIBUTOR));
		asOther.get("/admin");
		assertThat(asOther.post("/admin/articles/" + id + "/submit", Map.of("version", version(asWriter, id))).status())
			.isEqualTo(403);
		assertThat(asWriter.get("/admin/articles/" + id + "/edit").document().select("#workflow-status").text())
			.isEqualTo("Draft: readers cannot see it.");
	}

	@Test
	void aReleaseTimeThatHasPassedOrDoesNotExistIsRefusedNextToTheFieldsWithWhatWasTyped() {
		long id = storyBy(this.accounts.person(Role.CONTRIBUTOR));
		BackOffice asPublisher = signedIn(this.accounts.person(Role.PUBLISHER));
		asPublisher.get("/admin/articles/" + id + "/edit");

		BackOffice.Page past = act(asPublisher, id, "schedule",
				Map.of("releaseDate", "2026-11-27", "releaseTime", "08:00"));
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.document().select("#releaseDate-error").text())
			.isEqualTo("The release time has passed. Choose a time in the future, or publish now.");
		assertThat(past.document().select("#releaseDate").val()).isEqualTo("2026-11-27");
		assertThat(past.document().select("#releaseTime").val()).isEqualTo("08:00");
		assertThat(past.document().select(".usa-alert--error a[href=#releaseDate]")).hasSize(1);

		BackOffice.Page gap = act(asPublisher, id, "schedule",
				Map.of("releaseDate", "3/14/2027", "releaseTime", "2:30 am"));
		assertThat(gap.status()).isEqualTo(422);
		assertThat(gap.document().select("#releaseTime-error").text()).isEqualTo(
				"2:30 AM does not exist on March 14, 2027 in Eastern Time: clocks jump from 2:00 AM to 3:00 AM. Choose another time.");

		BackOffice.Page junk = act(asPublisher, id, "schedule",
				Map.of("releaseDate", "tomorrow", "releaseTime", "x".repeat(500)));
		assertThat(junk.status()).isEqualTo(422);
		assertThat(junk.document().select("#releaseDate-error").text())
			.isEqualTo("Enter the release date, for example 2026-12-02.");
		assertThat(junk.document().select("#releaseTime-error").text())
			.isEqualTo("Enter the release time, for example 09:30 or 9:30 AM.");
		assertThat(asPublisher.get("/admin/articles/" + id + "/edit").document().select("#workflow-status").text())
			.isEqualTo("Draft: readers cannot see it.");
	}

	@Test
	void sendingBackNeedsACommentWhichTheHistoryKeeps() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = storyBy(writer);
		BackOffice asWriter = signedIn(writer);
		asWriter.get("/admin/articles/" + id + "/edit");
		act(asWriter, id, "submit", Map.of());
		BackOffice asEditor = signedIn(this.accounts.person(Role.EDITOR));
		asEditor.get("/admin/articles/" + id + "/edit");
		BackOffice.Page empty = act(asEditor, id, "send-back", Map.of("comment", "   "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.document().select("#comment-send-back-error").text())
			.isEqualTo("Say what needs to change: the writer sees your comment.");
		BackOffice.Page sent = act(asEditor, id, "send-back", Map.of("comment", "Add the <b>new</b> hours."));
		assertThat(sent.status()).isEqualTo(303);
		// Back in the writer's hands, with the comment in the history, escaped.
		BackOffice.Page history = asWriter.get("/admin/articles/" + id + "/history");
		assertThat(history.document().select("#workflow-steps td[data-label=Comment]").first().text())
			.isEqualTo("Add the <b>new</b> hours.");
		assertThat(actions(asWriter.get("/admin/articles/" + id + "/edit"))).containsExactly("submit");
	}

	@Test
	void aPublisherMayPublishAloneInAnEmergencyAndTheStoryWaitsForASecondApproval() {
		Person publisher = this.accounts.person(Role.PUBLISHER);
		long id = storyBy(publisher);
		String page = "/admin/articles/" + id + "/edit";
		BackOffice asPublisher = signedIn(publisher);
		BackOffice.Page own = asPublisher.get(page);
		assertThat(actions(own)).contains("force-publish").doesNotContain("publish", "schedule");
		assertThat(own.document().select(".gazette-workflow .usa-alert--warning").text())
			.contains("someone else must approve and publish it");
		assertThat(act(asPublisher, id, "publish", Map.of()).status()).isEqualTo(409);
		assertThat(act(asPublisher, id, "force-publish", Map.of()).status()).isEqualTo(422);
		assertThat(act(asPublisher, id, "force-publish", Map.of("comment", "Storm closes the port")).status())
			.isEqualTo(303);
		assertThat(new Http(this.port).get("/news/" + this.slug).status()).isEqualTo(200);

		BackOffice asEditor = signedIn(this.accounts.person(Role.EDITOR));
		assertThat(
				asEditor.get("/admin").document().select("section[aria-labelledby=second-approval] a").eachAttr("href"))
			.contains(page);
		asEditor.get(page);
		assertThat(act(asEditor, id, "confirm", Map.of()).status()).isEqualTo(303);
		assertThat(
				asEditor.get("/admin").document().select("section[aria-labelledby=second-approval] a").eachAttr("href"))
			.doesNotContain(page);
	}

	@Test
	void aStepPostedFromAnOlderPageOrWithoutItsTokenChangesNothing() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = storyBy(writer);
		BackOffice asWriter = signedIn(writer);
		asWriter.get("/admin/articles/" + id + "/edit");
		Map<String, String> stale = new LinkedHashMap<>();
		stale.put("version", "999");
		BackOffice.Page refused = asWriter.post("/admin/articles/" + id + "/submit", stale);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().select("main p.usa-intro").text())
			.startsWith("Someone changed this story since you opened it");
		assertThat(asWriter.postRaw("/admin/articles/" + id + "/submit", Map.of("version", version(asWriter, id)))
			.status()).isEqualTo(403);
		assertThat(asWriter.get("/admin/articles/" + id + "/edit").document().select("#workflow-status").text())
			.isEqualTo("Draft: readers cannot see it.");
	}

	private static List<String> actions(BackOffice.Page page) {
		return page.document()
			.select(".gazette-workflow form")
			.eachAttr("id")
			.stream()
			.map((formId) -> formId.substring("workflow-".length()))
			.toList();
	}

	private static String version(BackOffice client, long id) {
		return client.get("/admin/articles/" + id + "/edit")
			.document()
			.selectFirst(".gazette-workflow input[name=version]")
			.val();
	}

	private static BackOffice.Page act(BackOffice client, long id, String step, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("version", version(client, id));
		return client.post("/admin/articles/" + id + "/" + step, form);
	}

	private BackOffice signedIn(Person person) {
		BackOffice client = new BackOffice(this.port);
		assertThat(this.accounts.signIn(client, person).status()).isEqualTo(302);
		client.get("/admin");
		return client;
	}

}
