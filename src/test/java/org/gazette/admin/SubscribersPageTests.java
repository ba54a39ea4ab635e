package org.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gazette.accounts.Role;
import org.gazette.platform.Db;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribers page: counts for publishers and admins, addresses whole for admins
 * only, and the admins' CSV export with formulas defused.
 */
@GazetteWebTest
class SubscribersPageTests {

	// Later than anything other tests' clocks reach, so these rows lead the recent lists.
	private static final Instant FAR = Instant.parse("2090-01-01T12:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Stories stories;

	private BackOffice publisher;

	private BackOffice admin;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		this.publisher = signedIn(Role.PUBLISHER);
		this.admin = signedIn(Role.ADMIN);
	}

	@Test
	void publishersSeeCountsAndMaskedAddressesAdminsSeeThemWhole() {
		var before = this.publisher.get("/admin/subscribers");
		assertThat(before.status()).isEqualTo(200);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String failing = "fails-" + unique + "@example.gov";
		long confirmed = subscriber(failing, "confirmed");
		subscriber("ok-" + unique + "@example.gov", "confirmed");
		subscriber("waits-" + unique + "@example.gov", "pending");
		subscriber("left-" + unique + "@example.gov", "unsubscribed");
		subscriber("gone-" + unique + "@example.gov", "bounced");
		this.jdbc.sql("insert into subscriber_type (subscriber_id, type_code) values (:id, 'statement')")
			.param("id", confirmed)
			.update();
		String title = "Port hours change " + unique;
		long story = this.stories.story(title).publish();
		delivery(subscriber("sent-" + unique + "@example.gov", "confirmed"), story, "sent", null);
		delivery(confirmed, story, "failed", "Refused by the mail server (permanent error)");

		var page = this.publisher.get("/admin/subscribers");
		assertThat(page.status()).isEqualTo(200);
		assertThat(count(page, "confirmed")).isEqualTo(count(before, "confirmed") + 3);
		assertThat(count(page, "pending")).isEqualTo(count(before, "pending") + 1);
		assertThat(count(page, "unsubscribed")).isEqualTo(count(before, "unsubscribed") + 1);
		assertThat(count(page, "bounced")).isEqualTo(count(before, "bounced") + 1);
		assertThat(page.document().select("#by-choice th:containsOwn(Statement)")).isNotEmpty();
		assertThat(page.document().select("#by-status caption").text()).isEqualTo("Subscribers by status");
		assertThat(page.document().select("#sends tbody tr").first().text()).contains(title, "1 1");
		String failure = page.document().select("#failures tbody tr").first().text();
		assertThat(failure).contains("f***@example.gov", title, "permanent error");
		assertThat(page.body()).doesNotContain(failing);
		assertThat(page.document().select("a[href=/admin/subscribers.csv]")).isEmpty();
		assertThat(page.document().select("nav a[href=/admin/subscribers]")).isNotEmpty();
		assertThat(this.publisher.get("/admin/subscribers.csv").status()).isEqualTo(403);

		var full = this.admin.get("/admin/subscribers");
		assertThat(full.document().select("#failures tbody tr").first().text()).contains(failing);
		assertThat(full.document().select("a[href=/admin/subscribers.csv]")).hasSize(1);
	}

	@Test
	void adminsExportEverySubscriberAsCsvWithFormulasDefused() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		// A valid address a spreadsheet would run as a formula.
		String hostile = "=1+2-" + unique + "@example.gov";
		long id = subscriber(hostile, "confirmed");
		this.jdbc.sql("insert into subscriber_type (subscriber_id, type_code) values (:id, 'news-release')")
			.param("id", id)
			.update();
		this.jdbc.sql("update subscriber set all_stories = false where id = :id").param("id", id).update();

		var csv = this.admin.get("/admin/subscribers.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.header("Content-Disposition")).hasValue("attachment; filename=\"subscribers.csv\"");
		assertThat(csv.body())
			.startsWith("email,status,all_stories,topics,types,frequency,created_at,confirmed_at,bounced_at\r\n");
		assertThat(csv.body()).contains(
				"\"'" + hostile + "\",confirmed,false,\"\",\"news-release\",immediate," + FAR + "," + FAR + ",\r\n");
		BackOffice editor = signedIn(Role.EDITOR);
		assertThat(editor.get("/admin/subscribers").status()).isEqualTo(403);
		assertThat(editor.get("/admin/subscribers.csv").status()).isEqualTo(403);
	}

	@Test
	void eachSubscriberExportIsRecordedInTheAuditLogWithWhoAndHowManyRows() {
		TestAccounts.Person person = this.accounts.person(Role.ADMIN);
		BackOffice office = new BackOffice(this.port);
		this.accounts.signIn(office, person);
		subscriber("counted-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov", "pending");
		long rows = this.jdbc.sql("select count(*) from subscriber").query(Long.class).single();

		var csv = office.get("/admin/subscribers.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().split("\r\n")).hasSize((int) rows + 1);
		var recorded = this.jdbc.sql("""
				select actor, target_type, details, client_address from audit_event
				where action = 'subscribers.exported' and actor = :actor""")
			.param("actor", person.email())
			.query((rs, row) -> List.of(rs.getString("actor"), rs.getString("target_type"), rs.getString("details"),
					rs.getString("client_address")))
			.list();
		assertThat(recorded).containsExactly(List.of(person.email(), "subscribers",
				rows + ((rows == 1) ? " subscriber" : " subscribers") + " exported as CSV", "127.0.0.1"));
		// A refused export is no download: nothing recorded for it.
		TestAccounts.Person refused = this.accounts.person(Role.PUBLISHER);
		BackOffice publisher = new BackOffice(this.port);
		this.accounts.signIn(publisher, refused);
		assertThat(publisher.get("/admin/subscribers.csv").status()).isEqualTo(403);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where actor = :actor and action = 'subscribers.exported'")
			.param("actor", refused.email())
			.query(Long.class)
			.single()).isZero();
	}

	private BackOffice signedIn(Role role) {
		BackOffice office = new BackOffice(this.port);
		this.accounts.signIn(office, this.accounts.person(role));
		return office;
	}

	private static long count(BackOffice.Page page, String status) {
		return Long.parseLong(page.document().select("td[data-status=" + status + "]").text());
	}

	private long subscriber(String email, String status) {
		this.jdbc.sql("""
				insert into subscriber (email, status, created_at, updated_at, confirmed_at)
				values (:email, :status, :at, :at, :at)""")
			.param("email", email)
			.param("status", status)
			.param("at", Db.utc(FAR))
			.update();
		return this.jdbc.sql("select id from subscriber where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private void delivery(long subscriber, long article, String state, String error) {
		this.jdbc.sql("""
				insert into subscriber_delivery (subscriber_id, article_id, state, attempts, next_attempt_at,
				    last_error, created_at, finished_at)
				values (:subscriber, :article, :state, 1, :at, :error, :at, :at)""")
			.param("subscriber", subscriber)
			.param("article", article)
			.param("state", state)
			.param("error", error)
			.param("at", Db.utc(FAR))
			.update();
	}

}
