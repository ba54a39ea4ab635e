package org.gazette.admin;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.platform.SiteDates;
import org.gazette.content.Content;
import org.gazette.publishing.NewPreviewLink;
import org.gazette.publishing.PreviewLink;
import org.gazette.publishing.PreviewLinks;
import org.gazette.publishing.Publishing;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
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
 * A story's preview links in the back office over HTTP: making one (its address shown
 * once), a reviewer opening it, revoking it, the form's problems, who may do what, the
 * form token and the audit log.
 */
@GazetteWebTest
class PreviewLinkPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@Autowired
	Publishing publishing;

	@Autowired
	PreviewLinks links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void forgetFailures() {
		this.accounts.forgetFailedSignIns();
	}

	@Test
	void aWriterMakesALinkAReviewerReadsTheDraftAndTheWriterRevokesIt() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long id = this.content.createArticle(null, EditorTests.draft("Draft for review"), writer.email());
		String links = "/admin/articles/" + id + "/preview-links";

		BackOffice.Page editor = client.get("/admin/articles/" + id + "/edit");
		assertThat(editor.document().select("a[href=" + links + "]").text()).isEqualTo("Share a preview link");
		BackOffice.Page empty = client.get(links);
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.document().select("h1").text()).isEqualTo("Preview links for “Draft for review”");
		assertThat(empty.document().select("input[name=lifetime]").eachAttr("value")).containsExactly("1", "3", "7",
				"14", "30");
		assertThat(empty.document().select("input[name=lifetime][checked]").val()).isEqualTo("3");
		assertThat(empty.document().select("#lifetime-hint").text()).contains("revision 1");
		assertThat(empty.document().select("main").text()).contains("No preview links have been made")
			.contains("Changes saved after that do not appear");
		assertThat(empty.document().select("#new-link")).isEmpty();

		BackOffice.Page made = client.post(links, Map.of("lifetime", "7"));
		assertThat(made.status()).isEqualTo(200);
		assertThat(made.header("Cache-Control")).hasValueSatisfying((v) -> assertThat(v).contains("no-store"));
		Element input = made.document().selectFirst("input#new-link");
		assertThat(input).isNotNull();
		assertThat(input.hasAttr("readonly")).isTrue();
		assertThat(made.document().select("label[for=new-link]").text()).isEqualTo("Preview link");
		String url = input.val();
		assertThat(url).matches("https://news\\.example\\.gov/preview/[A-Za-z0-9_-]{43}");
		String path = url.substring("https://news.example.gov".length());
		assertThat(made.document().select(".usa-alert--success").text()).contains("only time it is shown")
			.contains("revision 1")
			.contains(SiteDates.in(ZoneId.of("America/New_York"))
				.dateTime(this.clock.instant().plus(Duration.ofDays(7))));
		assertThat(made.document().select("input[name=lifetime][checked]").val()).isEqualTo("7");
		assertThat(made.document().select("tbody tr")).hasSize(1);
		assertThat(made.document().select("tbody tr [data-label=Made by]").text()).isEqualTo(writer.email());
		assertThat(made.document().select("tbody tr [data-label=Status]").text()).isEqualTo("Works");

		// Shown once: the list never shows the address again.
		BackOffice.Page later = client.get(links);
		assertThat(later.document().select("#new-link")).isEmpty();
		assertThat(later.body()).doesNotContain(path.substring("/preview/".length()));
		assertThat(later.document().select("tbody tr")).hasSize(1);

		// A reviewer without an account reads the draft; readers still cannot.
		Http reviewer = new Http(this.port);
		Http.Response preview = reviewer.get(path);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.document().select("main article h1").text()).isEqualTo("Draft for review");
		assertThat(preview.header("X-Robots-Tag")).hasValue("noindex, nofollow");
		assertThat(reviewer.get("/news/" + this.content.editable(id).orElseThrow().slug()).status()).isEqualTo(404);

		// Revoked from the list: the reviewer's link stops working at once.
		String revoke = later.document().selectFirst("tbody form").attr("action");
		BackOffice.Page revoked = client.post(revoke, Map.of());
		assertThat(revoked.status()).isEqualTo(303);
		assertThat(revoked.location()).startsWith(links + "?revoked=");
		BackOffice.Page after = client.get(revoked.location());
		assertThat(after.document().select(".usa-alert--success").text()).contains("Link revoked");
		assertThat(after.document().select("tbody tr [data-label=Status]").text())
			.startsWith("Revoked by " + writer.email());
		assertThat(after.document().select("tbody form")).isEmpty();
		assertThat(reviewer.get(path).status()).isEqualTo(410);
		assertThat(auditActions(id)).containsExactly("preview-link.created:" + writer.email(),
				"preview-link.revoked:" + writer.email());
	}

	@Test
	void aLifetimeNotOfferedIsRefusedAndNothingIsMade() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long id = this.content.createArticle(null, EditorTests.draft("Lifetimes"), writer.email());
		String links = "/admin/articles/" + id + "/preview-links";
		client.get(links);
		for (Map<String, String> form : List.of(Map.of("lifetime", "2"), Map.of("lifetime", "31"),
				Map.of("lifetime", "0"), Map.of("lifetime", "-3"), Map.of("lifetime", "3 days"),
				Map.of("lifetime", "9".repeat(5000)), Map.<String, String>of())) {
			BackOffice.Page refused = client.post(links, form);
			assertThat(refused.status()).as(form.toString()).isEqualTo(422);
			assertThat(refused.document().title()).startsWith("Error: ");
			assertThat(refused.document().select(".usa-alert--error a").attr("href")).isEqualTo("#lifetime");
			assertThat(refused.fieldError("lifetime"))
				.hasValue("Choose how long the link works: 1, 3, 7, 14 or 30 days.");
			assertThat(refused.document().select("#new-link")).isEmpty();
		}
		assertThat(this.links.list(id)).isEmpty();
		assertThat(auditActions(id)).isEmpty();
	}

	@Test
	void whoMayMakeAndRevokeLinks() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		Person colleague = this.accounts.person(Role.CONTRIBUTOR);
		Person editor = this.accounts.person(Role.EDITOR);
		long mine = this.content.createArticle(null, EditorTests.draft("Mine"), writer.email());
		long theirs = this.content.createArticle(null, EditorTests.draft("Theirs"), colleague.email());
		NewPreviewLink theirLink = this.links.create(theirs, colleague.email(), Duration.ofDays(3), null);
		NewPreviewLink editorsLink = this.links.create(mine, editor.email(), Duration.ofDays(3), null);
		NewPreviewLink writersLink = this.links.create(mine, writer.email(), Duration.ofDays(3), null);
		BackOffice client = signedIn(writer);

		// A colleague's draft: not theirs to see, share or revoke.
		assertThat(client.get("/admin/articles/" + theirs + "/preview-links").status()).isEqualTo(403);
		assertThat(client.post("/admin/articles/" + theirs + "/preview-links", Map.of("lifetime", "1")).status())
			.isEqualTo(403);
		assertThat(client.post("/admin/articles/" + theirs + "/preview-links", Map.of("lifetime", "2")).status())
			.isEqualTo(403);
		assertThat(client.post(revokePath(theirs, theirLink), Map.of()).status()).isEqualTo(403);
		assertThat(this.links.list(theirs)).hasSize(1);

		// Their own draft: a link an editor made stays, theirs they revoke.
		BackOffice.Page own = client.get("/admin/articles/" + mine + "/preview-links");
		assertThat(own.document().select("tbody tr")).hasSize(2);
		assertThat(own.document().select("tbody form").eachAttr("action"))
			.containsExactly(revokePath(mine, writersLink));
		assertThat(client.post(revokePath(mine, editorsLink), Map.of()).status()).isEqualTo(403);
		assertThat(state(editorsLink)).isEqualTo(PreviewLink.State.ACTIVE);

		// Once published, the story is the editors' to edit, but the writer may still
		// take back a link they made.
		this.publishing.publish(mine, null);
		assertThat(client.get("/admin/articles/" + mine + "/preview-links").status()).isEqualTo(403);
		assertThat(client.post("/admin/articles/" + mine + "/preview-links", Map.of("lifetime", "1")).status())
			.isEqualTo(403);
		assertThat(client.post(revokePath(mine, writersLink), Map.of()).status()).isEqualTo(303);
		assertThat(state(writersLink)).isEqualTo(PreviewLink.State.REVOKED);

		// Editors revoke anyone's link, on any story.
		BackOffice editors = signedIn(editor);
		assertThat(editors.get("/admin/articles/" + theirs + "/preview-links").document().select("tbody form"))
			.hasSize(1);
		assertThat(editors.post(revokePath(theirs, theirLink), Map.of()).status()).isEqualTo(303);
		assertThat(state(theirLink)).isEqualTo(PreviewLink.State.REVOKED);
		assertThat(this.links.link(theirLink.link().id()).orElseThrow().revokedBy()).isEqualTo(editor.email());

		// Addresses that name nothing, or a link of another story.
		assertThat(editors.get("/admin/articles/99999999/preview-links").status()).isEqualTo(404);
		assertThat(editors.post("/admin/articles/99999999/preview-links", Map.of("lifetime", "1")).status())
			.isEqualTo(404);
		assertThat(editors.post(revokePath(theirs, editorsLink), Map.of()).status()).isEqualTo(404);
		assertThat(editors.post("/admin/articles/" + mine + "/preview-links/99999999/revoke", Map.of()).status())
			.isEqualTo(404);
		assertThat(editors.post("/admin/articles/" + mine + "/preview-links/abc/revoke", Map.of()).status())
			.isEqualTo(404);
		assertThat(state(editorsLink)).isEqualTo(PreviewLink.State.ACTIVE);

		// Nobody signed in is sent to sign in.
		BackOffice stranger = new BackOffice(this.port);
		BackOffice.Page toSignIn = stranger.get("/admin/articles/" + mine + "/preview-links");
		assertThat(toSignIn.status()).isEqualTo(302);
		assertThat(toSignIn.location()).startsWith("/admin/sign-in");
	}

	@Test
	void formsWithoutTheirTokenAreRefused() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice client = signedIn(writer);
		long id = this.content.createArticle(null, EditorTests.draft("Guarded"), writer.email());
		NewPreviewLink link = this.links.create(id, writer.email(), Duration.ofDays(3), null);
		client.get("/admin/articles/" + id + "/preview-links");

		assertThat(client.postRaw("/admin/articles/" + id + "/preview-links", Map.of("lifetime", "3")).status())
			.isEqualTo(403);
		assertThat(
				client.postRaw("/admin/articles/" + id + "/preview-links", Map.of("lifetime", "3", "_csrf", "forged"))
					.status())
			.isEqualTo(403);
		assertThat(this.links.list(id)).hasSize(1);
		assertThat(client.postRaw(revokePath(id, link), Map.of()).status()).isEqualTo(403);
		assertThat(state(link)).isEqualTo(PreviewLink.State.ACTIVE);
		assertThat(new Http(this.port).get("/preview/" + link.token()).status()).isEqualTo(200);
	}

	private PreviewLink.State state(NewPreviewLink link) {
		return this.links.link(link.link().id()).orElseThrow().state(this.clock.instant());
	}

	private static String revokePath(long articleId, NewPreviewLink link) {
		return "/admin/articles/" + articleId + "/preview-links/" + link.link().id() + "/revoke";
	}

	private List<String> auditActions(long id) {
		return this.jdbc
			.sql("select action, actor from audit_event where target_type = 'story' and target_id = :id order by id")
			.param("id", Long.toString(id))
			.query((rs, n) -> rs.getString("action") + ":" + rs.getString("actor"))
			.list();
	}

	private BackOffice signedIn(Person person) {
		BackOffice client = new BackOffice(this.port);
		assertThat(this.accounts.signIn(client, person).status()).isEqualTo(302);
		client.get("/admin");
		return client;
	}

}
