package org.gazette.admin;

import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's page and CSV export, with filters and hostile values. */
@GazetteWebTest
class AuditLogPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private BackOffice admin;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		Person person = this.accounts.person(Role.ADMIN);
		this.admin = new BackOffice(this.port);
		this.accounts.signIn(this.admin, person);
		this.admin.get("/admin");
	}

	@Test
	void filtersByPersonAndActionPrefix() {
		String typed = TestAccounts.freshEmail("typo");
		new BackOffice(this.port).signIn(typed, "some wrong password");
		var page = this.admin.get("/admin/audit?actor=" + typed + "&action=sign-in.");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("tbody tr")).hasSize(1);
		assertThat(page.document().select("tbody td").eachText()).contains(typed, "sign-in.failed", "bad credentials",
				"127.0.0.1");
		var none = this.admin.get("/admin/audit?actor=" + typed + "&action=account.role");
		assertThat(none.document().select("main").text()).contains("No entries match.");
	}

	@Test
	void hostileValuesAreShownAsTextAndExportedAsTextNotFormulas() {
		String typed = "=HYPERLINK(\"http://evil.example\")<script>alert(1)</script>@x.gov";
		new BackOffice(this.port).signIn(typed, "some wrong password");
		var page = this.admin.get("/admin/audit?action=sign-in.failed");
		assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
		var csv = this.admin.get("/admin/audit.csv?action=sign-in.failed");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.header("Content-Disposition")).hasValue("attachment; filename=\"audit-log.csv\"");
		assertThat(csv.body())
			.startsWith("id,occurred_at,actor,action,target_type,target_id,details,client_address\r\n");
		assertThat(csv.body()).contains("\"'=hyperlink(\"\"http://evil.example\"\")<script>alert(1)</script>@x.gov\"");
	}

	@Test
	void badFiltersGetMessagesNextToTheFields() {
		var page = this.admin.get("/admin/audit?from=yesterday&to=2026-13-45&action=DROP%20TABLE&page=-3");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.fieldError("from")).hasValue("Enter a date like 2026-11-27.");
		assertThat(page.fieldError("to")).hasValue("Enter a date like 2026-11-27.");
		assertThat(page.fieldError("action")).isPresent();
		assertThat(page.document().select(".usa-alert--error").text()).contains("There is no such page.");
		assertThat(page.document().getElementById("from").val()).isEqualTo("yesterday");
		assertThat(this.admin.get("/admin/audit.csv?from=yesterday").status()).isEqualTo(400);
		var backwards = this.admin.get("/admin/audit?from=2026-11-20&to=2026-11-10");
		assertThat(backwards.fieldError("to")).hasValue("The last day must be on or after the first day.");
	}

	@Test
	void pagesGoBackInTime() {
		String typed = TestAccounts.freshEmail("paging");
		for (int i = 0; i < 55; i++) {
			this.jdbc.sql("""
					insert into audit_event (occurred_at, actor, action, details)
					values (timestamp with time zone '2026-11-01 12:00:00+00', :actor, 'test.entry', :n)""")
				.param("actor", typed)
				.param("n", Integer.toString(i))
				.update();
		}
		var first = this.admin.get("/admin/audit?actor=" + typed);
		assertThat(first.document().select("tbody tr")).hasSize(50);
		String older = first.document().select("a:contains(Older entries)").attr("href");
		var second = this.admin.get(older);
		assertThat(second.document().select("tbody tr")).hasSize(5);
		assertThat(second.document().select("a:contains(Newer entries)")).hasSize(1);
		assertThat(second.document().select("a:contains(Older entries)")).isEmpty();
	}

}
