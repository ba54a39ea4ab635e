package org.gazette.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.publishing.TestReleaseRunner;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard warns publishers and admins when work due at a release has not finished,
 * and says nothing when all of it has.
 */
@GazetteWebTest
class OverdueReleaseWorkPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Stories stories;

	@Autowired
	MutableClock clock;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@BeforeEach
	@AfterEach
	void emptyNewsroom() {
		this.newsroom.reset();
		this.accounts.forgetFailedSignIns();
	}

	@Test
	void publishersSeeOverdueReleaseWorkUntilItIsDone() {
		BackOffice publisher = new BackOffice(this.port);
		this.accounts.signIn(publisher, this.accounts.person(Role.PUBLISHER));
		BackOffice editor = new BackOffice(this.port);
		var editorPerson = this.accounts.person(Role.EDITOR);
		editor.signIn(editorPerson.email(), editorPerson.password());

		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long id = this.stories.story("Ports reopen <after> the storm").releasedAt(release).publish();
		assertThat(alert(publisher.get("/admin").document())).as("not due yet").isNull();

		// No node ran the work at the release instant; five minutes later it is overdue.
		this.clock.set(release.plus(Duration.ofMinutes(6)));
		Document page = publisher.get("/admin").document();
		Element alert = alert(page);
		assertThat(alert).isNotNull();
		assertThat(alert.hasClass("usa-alert--warning")).isTrue();
		assertThat(alert.selectFirst("h2").text()).isEqualTo("Release work is overdue");
		Element link = alert.selectFirst("li a[href=/admin/articles/" + id + "/edit]");
		assertThat(link).isNotNull();
		assertThat(link.text()).isEqualTo("Ports reopen <after> the storm");
		assertThat(recordRow(page).text()).contains("Release recorded in the audit log")
			.contains("No server has started it yet.");
		assertThat(alert.selectFirst("li time").attr("datetime")).startsWith("2026-11-27T16:00");
		assertThat(alert(editor.get("/admin").document())).as("editors do not see it").isNull();

		assertThat(TestReleaseRunner.runDue(this.application)).isPositive();
		assertThat(alert(publisher.get("/admin").document())).as("all done").isNull();
	}

	@Test
	void publishersTryAgainWorkThatGazetteGaveUpOn() {
		BackOffice publisher = new BackOffice(this.port);
		var person = this.accounts.person(Role.PUBLISHER);
		this.accounts.signIn(publisher, person);
		long id = this.stories.story("Bridge toll <changes>").publish();
		// As a node leaves it after its last failed attempt (ReleaseWorkTests shows how).
		this.jdbc.sql("""
				update release_task set state = 'failed', attempts = 8, last_error = 'MailConnectException'
				where article_id = :id and kind = 'release-record'""").param("id", id).update();
		this.clock.advance(Duration.ofHours(1));

		Element row = recordRow(publisher.get("/admin").document());
		assertThat(row.text()).contains("Gazette gave up after 8 times.").contains("Last error: MailConnectException.");
		Element retry = row.selectFirst("form");
		assertThat(retry.selectFirst("button").text())
			.isEqualTo("Try again: Release recorded in the audit log for Bridge toll <changes>");

		BackOffice.Page answer = publisher.post(retry.attr("action"), Map.of());
		assertThat(answer.status()).isEqualTo(303);
		Document after = publisher.get(answer.location()).document();
		assertThat(after.select(".usa-alert--success").text())
			.isEqualTo("Gazette will try the release work again in a moment.");
		assertThat(recordRow(after).text()).contains("No server has started it yet.");
		assertThat(alert(after).select("li form")).isEmpty();
		assertThat(publisher.post(retry.attr("action"), Map.of()).status()).as("not failed any more").isEqualTo(404);
		assertThat(this.audit.find(new AuditFilter(person.email(), "release-work.retried", null, null, 1)).entries())
			.singleElement()
			.satisfies((entry) -> assertThat(entry.targetId()).isEqualTo(Long.toString(id)));

		assertThat(TestReleaseRunner.runDue(this.application)).isPositive();
		assertThat(alert(publisher.get("/admin").document())).isNull();
	}

	/** The alert's line about the audit record of the release. */
	private static Element recordRow(Document page) {
		return alert(page).select("li")
			.stream()
			.filter((li) -> li.text().contains("Release recorded in the audit log"))
			.findFirst()
			.orElseThrow();
	}

	private static Element alert(Document page) {
		Element heading = page.getElementById("overdue-release-work");
		return (heading != null) ? heading.closest(".usa-alert") : null;
	}

}
