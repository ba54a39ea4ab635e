package org.gazette.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.audit.AuditEntry;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.content.Content;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.TakedownKind;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-office pages that change what public addresses answer, over HTTP: taking a
 * story down, changing its address, and the redirects admins keep; every form field's bad
 * input, and the audit log.
 */
@GazetteWebTest
class PublicAddressPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

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

	@Autowired
	Newsroom reader;

	@Autowired
	Redirects redirects;

	@Autowired
	AuditLog audit;

	private Person publisher;

	private BackOffice browser;

	private long story;

	@BeforeEach
	void signIn() {
		this.newsroom.reset();
		this.accounts.forgetFailedSignIns();
		this.stories.story("Port Hours Extended")
			.slug("port-hours")
			.releasedAt(this.clock.instant().minus(Duration.ofDays(2)))
			.publish();
		this.story = this.stories.story("Spice Shipment Cleared")
			.slug("spice-shipment")
			.releasedAt(this.clock.instant().minus(Duration.ofDays(1)))
			.publish();
		this.publisher = this.accounts.person(Role.PUBLISHER);
		this.browser = signedIn(this.publisher);
	}

	private BackOffice signedIn(Person person) {
		BackOffice client = new BackOffice(this.port);
		assertThat(this.accounts.signIn(client, person).status()).isEqualTo(302);
		client.get("/admin");
		return client;
	}

	@Test
	void aPublisherTakesAStoryDownForEachReasonAndEachIsAudited() {
		String form = "/admin/articles/" + this.story + "/take-down";
		Document page = this.browser.get(form).document();
		assertThat(page.select("h1").text()).isEqualTo("Take down “Spice Shipment Cleared”");
		assertThat(page.select("#status").text()).startsWith("Published, released November 26, 2026.");
		assertThat(page.select("input[name=kind]").eachAttr("value")).containsExactly("gone", "redirect",
				"consolidated", "withdrawn");
		for (String field : List.of("kind", "explanation", "redirectUrl", "target", "reason")) {
			assertThat(page.select("label[for=" + field + "]")).as(field).hasSize(1);
		}

		takeDown(Map.of("kind", "withdrawn", "reason", "The program was cancelled."));
		Document done = this.browser.get(form + "?done").document();
		assertThat(done.select(".usa-alert--success").text()).contains("The story is down.");
		assertThat(done.select("#status").text()).contains("withdrawn; it stays readable under the notice",
				"The program was cancelled.");
		assertThat(this.reader.departure("spice-shipment")).isPresent();
		assertThat(this.publishing.currentTakedown(this.story).orElseThrow().takenDownBy())
			.isEqualTo(this.publisher.email());

		takeDown(Map.of("kind", "gone", "explanation", "Sent in error."));
		assertThat(this.browser.get(form).document().select("#status").text())
			.contains("published in error; its address answers 410 Gone with the explanation “Sent in error.”");
		takeDown(Map.of("kind", "redirect", "redirectUrl", "https://www.example.gov/spices"));
		assertThat(this.browser.get(form).document().select("#status").text())
			.contains("sends readers to https://www.example.gov/spices");
		takeDown(Map.of("kind", "consolidated", "target", "/news/port-hours"));
		assertThat(this.browser.get(form).document().select("#status").text())
			.contains("consolidated; its address sends readers to /news/port-hours");
		assertThat(this.publishing.currentTakedown(this.story).orElseThrow().kind())
			.isEqualTo(TakedownKind.CONSOLIDATED);

		List<AuditEntry> entries = this.audit
			.find(new AuditFilter(this.publisher.email(), "story.taken-down", null, null, 1))
			.entries();
		assertThat(entries).extracting(AuditEntry::details)
			.containsExactly(
					"Consolidated into story " + this.content.articleIdBySlug("port-hours").orElseThrow()
							+ " (/news/port-hours).",
					"Published in error, redirected to https://www.example.gov/spices.",
					"Gone (published in error): Sent in error.", "Withdrawn: The program was cancelled.");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.targetId()).isEqualTo(Long.toString(this.story));
			assertThat(entry.clientAddress()).isNotBlank();
		});
	}

	@Test
	void everyTakedownFieldRefusesBadInputWithItsMessageAndNothingChanges() {
		expectProblem(Map.of(), "kind", "Choose why the story is coming down.");
		expectProblem(Map.of("kind", "deleted"), "kind", "Choose why the story is coming down.");
		expectProblem(Map.of("kind", "withdrawn", "reason", " "), "reason",
				"Reason for withdrawal is required: readers see it with the story.");
		expectProblem(Map.of("kind", "withdrawn", "reason", "r".repeat(1001)), "reason",
				"Reason for withdrawal is longer than 1000 characters.");
		expectProblem(Map.of("kind", "gone", "explanation", "e".repeat(1001)), "explanation",
				"Explanation is longer than 1000 characters.");
		expectProblem(Map.of("kind", "redirect", "redirectUrl", ""), "redirectUrl", "New address is required.");
		expectProblem(Map.of("kind", "redirect", "redirectUrl", "javascript:alert(document.cookie)"), "redirectUrl",
				"New address must be a page on this site starting with / (as in /news/new-lanes-open)"
						+ " or a full address starting with https:// or http://.");
		expectProblem(Map.of("kind", "redirect", "redirectUrl", "//evil.example.com"), "redirectUrl",
				"New address must be a page on this site starting with / (as in /news/new-lanes-open)"
						+ " or a full address starting with https:// or http://.");
		expectProblem(Map.of("kind", "consolidated", "target", ""), "target",
				"Enter the address of the story it was merged into, as in /news/new-lanes-open.");
		expectProblem(Map.of("kind", "consolidated", "target", "/news/nothing-here"), "target",
				"There is no public story at /news/nothing-here. Choose a story readers can see now.");
		expectProblem(Map.of("kind", "consolidated", "target", "spice-shipment"), "target",
				"A story cannot be consolidated into itself. Choose another story.");
		assertThat(this.reader.story("spice-shipment")).isPresent();
		assertThat(this.publishing.currentTakedown(this.story)).isEmpty();
		assertThat(
				this.audit.find(new AuditFilter(this.publisher.email(), "story.taken-down", null, null, 1)).entries())
			.isEmpty();
	}

	@Test
	void aStoryNeverPublishedHasNothingToTakeDown() {
		long draft = this.stories.story("Only a Draft").slug("only-a-draft").draft();
		Document page = this.browser.get("/admin/articles/" + draft + "/take-down").document();
		assertThat(page.select("#status").text())
			.isEqualTo("This story has never been published, so there is nothing to take down.");
		assertThat(page.select("form input[name=kind]")).isEmpty();
		// Refused as every workflow step a story is not ready for: 409, with the reason.
		var refused = this.browser.post("/admin/articles/" + draft + "/take-down", Map.of("kind", "gone"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.document().select("main p.usa-intro").text()).isEqualTo("This story is not public.");
		assertThat(this.browser.get("/admin/articles/404404/take-down").status()).isEqualTo(404);
		assertThat(this.browser.post("/admin/articles/404404/take-down", Map.of("kind", "gone")).status())
			.isEqualTo(404);
	}

	@Test
	void aPublisherChangesAPublishedStorysAddressAndEveryEarlierOneRedirects() {
		String form = "/admin/articles/" + this.story + "/address";
		assertThat(this.browser.get(form).document().select("#current-address").text())
			.isEqualTo("/news/spice-shipment");
		for (String slug : List.of("spice-b", "spice-c")) {
			var moved = this.browser.post(form, Map.of("slug", slug));
			assertThat(moved.status()).isEqualTo(303);
			assertThat(moved.location()).isEqualTo(form + "?changed");
		}
		Document page = this.browser.get(form + "?changed").document();
		assertThat(page.select(".usa-alert--success").text())
			.isEqualTo("Address changed. The old address now sends readers to /news/spice-c.");
		assertThat(page.select("#former-addresses li").eachText()).containsExactly("/news/spice-b",
				"/news/spice-shipment");
		Http http = new Http(this.port);
		for (String old : List.of("/news/spice-shipment", "/news/spice-b")) {
			var answer = http.get(old);
			assertThat(answer.status()).as(old).isEqualTo(301);
			assertThat(answer.header("Location")).as(old).contains("/news/spice-c");
		}
		assertThat(this.audit.find(new AuditFilter(this.publisher.email(), "story.address-changed", null, null, 1))
			.entries()).extracting(AuditEntry::details)
			.containsExactly("Moved from /news/spice-b to /news/spice-c.",
					"Moved from /news/spice-shipment to /news/spice-b.");

		// A new story may not take an address that still redirects.
		long other = this.stories.story("Other").slug("other").publish();
		expectAddressProblem(other, "spice-b",
				"The address spice-b belonged to another story, and still sends readers to it. Choose another.");
	}

	@Test
	void everyAddressFieldProblemIsShownAndNothingMoves() {
		expectAddressProblem(this.story, "",
				"The address must be lower-case letters, digits and single hyphens, at most 120 characters.");
		expectAddressProblem(this.story, "Spice Shipment",
				"The address must be lower-case letters, digits and single hyphens, at most 120 characters.");
		expectAddressProblem(this.story, "s".repeat(121),
				"The address must be lower-case letters, digits and single hyphens, at most 120 characters.");
		expectAddressProblem(this.story, "port-hours", "Another story already uses the address port-hours.");
		expectAddressProblem(this.story, "spice-shipment", "This is already the story's address.");
		assertThat(this.reader.story("spice-shipment")).isPresent();
		assertThat(this.content.formerSlugs(this.story)).isEmpty();
		assertThat(this.browser.get("/admin/articles/404404/address").status()).isEqualTo(404);
	}

	@Test
	void editorsNeitherTakeDownNorMoveAPublishedStory() {
		BackOffice editor = signedIn(this.accounts.person(Role.EDITOR));
		assertThat(editor.get("/admin/articles/" + this.story + "/take-down").status()).isEqualTo(403);
		assertThat(editor.post("/admin/articles/" + this.story + "/address", Map.of("slug", "x")).status())
			.isEqualTo(403);
		assertThat(editor.get("/admin/redirects").status()).isEqualTo(403);
		assertThat(editor.get("/admin").document().select("nav a").eachText()).doesNotContain("Redirects");
		assertThat(this.browser.get("/admin/redirects").status()).isEqualTo(403);
		assertThat(this.reader.story("spice-shipment")).isPresent();
	}

	@Test
	void anAdminAddsSearchesPagesAndRemovesRedirects() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice client = signedIn(admin);
		Document list = client.get("/admin/redirects").document();
		assertThat(list.select("nav a").eachText()).contains("Redirects");
		assertThat(list.select("#redirect-list").text()).isEqualTo("There are no redirects yet.");
		for (String field : List.of("fromPath", "toUrl", "note", "q")) {
			assertThat(list.select("label[for=" + field + "]")).as(field).hasSize(1);
		}

		var added = client.post("/admin/redirects",
				Map.of("fromPath", "/2019/05/old-post/", "toUrl", "/news/port-hours", "note", "From WordPress"));
		assertThat(added.status()).isEqualTo(303);
		Document page = client.get(added.location()).document();
		assertThat(page.select(".usa-alert--success").text()).isEqualTo("Redirect added.");
		assertThat(page.select("#redirect-list tbody tr th").eachText()).containsExactly("/2019/05/old-post");
		assertThat(page.select("#redirect-list tbody tr td").eachText()).contains("/news/port-hours", "From WordPress");
		Http http = new Http(this.port);
		assertThat(http.get("/2019/05/old-post/").header("Location")).contains("/news/port-hours");

		for (int i = 1; i <= 55; i++) {
			this.redirects.add(String.format("/archive/%03d", i), "/news", "importer");
		}
		Document first = client.get("/admin/redirects").document();
		assertThat(first.select("#redirect-list tbody tr")).hasSize(50);
		String next = first.select("a:containsOwn(Next page)").attr("href");
		assertThat(next).isEqualTo("/admin/redirects?page=2");
		Document second = client.get(next).document();
		assertThat(second.select("#redirect-list tbody tr")).hasSize(6);
		assertThat(second.select("a:containsOwn(Previous page)").attr("href")).isEqualTo("/admin/redirects");
		Document found = client.get("/admin/redirects?q=OLD-POST").document();
		assertThat(found.select("#redirect-list tbody tr th").eachText()).containsExactly("/2019/05/old-post");
		assertThat(client.get("/admin/redirects?q=nothing-like-it").document().select("#redirect-list").text())
			.isEqualTo("No redirect’s old address contains “nothing-like-it”.");
		assertThat(client.get("/admin/redirects?page=0").status()).isEqualTo(400);
		assertThat(client.get("/admin/redirects?page=x").status()).isEqualTo(400);
		assertThat(client.get("/admin/redirects?q=" + "q".repeat(201)).status()).isEqualTo(400);

		String action = found.select("#redirect-list form").attr("action");
		var removed = client.post(action, Map.of());
		assertThat(removed.status()).isEqualTo(303);
		assertThat(client.get(removed.location()).document().select(".usa-alert--success").text())
			.isEqualTo("Redirect removed.");
		assertThat(http.get("/2019/05/old-post/").status()).isEqualTo(404);
		assertThat(client.post(action, Map.of()).status()).isEqualTo(404);

		List<AuditEntry> entries = this.audit.find(new AuditFilter(admin.email(), "redirect.", null, null, 1))
			.entries();
		assertThat(entries).extracting(AuditEntry::action).containsExactly("redirect.removed", "redirect.added");
		assertThat(entries.get(0).details()).startsWith("/2019/05/old-post -> /news/port-hours. Note: From WordPress")
			.contains("Added by " + admin.email());
	}

	@Test
	void everyRedirectFieldRefusesBadInputWithItsMessage() {
		BackOffice client = signedIn(this.accounts.person(Role.ADMIN));
		client.get("/admin/redirects");
		expectRedirectProblem(client, Map.of("fromPath", "", "toUrl", "/news"), "fromPath", "Old address is required.");
		expectRedirectProblem(client, Map.of("fromPath", "https://old.example.gov/x", "toUrl", "/news"), "fromPath",
				"Enter only the path, starting with /, as in /2019/05/old-post: leave out https:// and the site's name.");
		expectRedirectProblem(client, Map.of("fromPath", "/admin/accounts", "toUrl", "/news"), "fromPath",
				"Gazette itself answers at /admin/accounts; addresses under /admin, /api, /feeds, /sitemaps and its files cannot be redirected.");
		expectRedirectProblem(client, Map.of("fromPath", "/a/../b", "toUrl", "/news"), "fromPath",
				"The path must not contain . or .. parts.");
		expectRedirectProblem(client, Map.of("fromPath", "/x?p=1", "toUrl", "/news"), "fromPath",
				"Leave out everything from ? or # on: a redirect matches the path alone.");
		expectRedirectProblem(client, Map.of("fromPath", "/news/port-hours", "toUrl", "/news"), "fromPath",
				"A story answers at /news/port-hours, so a redirect from there would never be used. Take the story down or change its address instead.");
		expectRedirectProblem(client, Map.of("fromPath", "/ok", "toUrl", ""), "toUrl", "New address is required.");
		expectRedirectProblem(client, Map.of("fromPath", "/ok", "toUrl", "javascript:alert(1)"), "toUrl",
				"New address must be a page on this site starting with / (as in /news/new-lanes-open)"
						+ " or a full address starting with https:// or http://.");
		expectRedirectProblem(client, Map.of("fromPath", "/ok", "toUrl", "/ok/"), "toUrl",
				"The new address is the old one: readers would go round in circles.");
		expectRedirectProblem(client, Map.of("fromPath", "/ok", "toUrl", "/news", "note", "n".repeat(501)), "note",
				"Note is longer than 500 characters.");
		this.redirects.add("/taken", "/news", "admin");
		expectRedirectProblem(client, Map.of("fromPath", "/taken/", "toUrl", "/news"), "fromPath",
				"There is already a redirect from /taken.");
		assertThat(this.redirects.list(null, 1).total()).isEqualTo(1);
	}

	private void takeDown(Map<String, String> form) {
		var answer = this.browser.post("/admin/articles/" + this.story + "/take-down", form);
		assertThat(answer.status()).as(form.toString()).isEqualTo(303);
		assertThat(answer.location()).isEqualTo("/admin/articles/" + this.story + "/take-down?done");
		this.clock.advance(Duration.ofMinutes(1));
	}

	private void expectProblem(Map<String, String> form, String field, String message) {
		var answer = this.browser.post("/admin/articles/" + this.story + "/take-down", form);
		assertThat(answer.status()).as(form.toString()).isEqualTo(422);
		assertFieldError(answer.document(), field, message);
		// What was typed stays in the form.
		Map<String, String> typed = new LinkedHashMap<>(form);
		typed.remove("kind");
		typed.forEach((name, value) -> {
			if (!value.isBlank() && value.length() <= 1000) {
				assertThat(answer.document().getElementById(name).val()).as(name).isEqualTo(value);
			}
		});
		if (form.containsKey("kind") && !form.get("kind").equals("deleted")) {
			assertThat(answer.document().select("input[name=kind][checked]").attr("value")).isEqualTo(form.get("kind"));
		}
	}

	private void expectAddressProblem(long id, String slug, String message) {
		var answer = this.browser.post("/admin/articles/" + id + "/address", Map.of("slug", slug));
		assertThat(answer.status()).as(slug).isEqualTo(422);
		assertFieldError(answer.document(), "slug", message);
		assertThat(answer.document().getElementById("slug").val()).isEqualTo(slug);
	}

	private void expectRedirectProblem(BackOffice client, Map<String, String> form, String field, String message) {
		var answer = client.post("/admin/redirects", form);
		assertThat(answer.status()).as(form.toString()).isEqualTo(422);
		assertFieldError(answer.document(), field, message);
		assertThat(answer.document().getElementById(field).val()).isEqualTo(form.getOrDefault(field, ""));
	}

	private static void assertFieldError(Document page, String field, String message) {
		assertThat(page.select(".usa-alert--error a[href=#" + field + "]").text()).as(field).isEqualTo(message);
		assertThat(page.select("#" + field + "-error").text()).as(field).isEqualTo(message);
		assertThat(page.getElementById(field)).as(field).isNotNull();
	}

}
