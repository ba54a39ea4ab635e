package org.gazette.admin;

import java.util.Map;

import org.gazette.accounts.Accounts;
import org.gazette.accounts.Role;
import org.gazette.audit.AuditEntry;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins managing accounts through the pages, including what they must not be able to do.
 */
@GazetteWebTest
class AccountsPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts service;

	@Autowired
	AuditLog audit;

	private Person admin;

	private BackOffice browser;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		this.admin = this.accounts.person(Role.ADMIN);
		this.browser = new BackOffice(this.port);
		this.accounts.signIn(this.browser, this.admin);
		this.browser.get("/admin/accounts");
	}

	@Test
	void anInvitationCreatesAnAccountAndShowsItsLinkOnce() {
		String email = TestAccounts.freshEmail("colleague");
		var created = this.browser.post("/admin/accounts",
				Map.of("email", "  " + email.toUpperCase() + " ", "displayName", "Dana Colleague", "role", "editor"));
		assertThat(created.status()).isEqualTo(201);
		String link = created.document().select(".gazette-secret-link").text();
		assertThat(link).startsWith("https://news.example.gov/admin/set-password/");
		var account = this.service.findByEmail(email).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.EDITOR);
		assertThat(account.passwordSet()).isFalse();
		var again = this.browser.get("/admin/accounts/" + account.id());
		assertThat(again.document().select(".gazette-secret-link")).isEmpty();
		assertThat(this.browser.get("/admin/accounts").document().select("td").eachText()).contains(email);
	}

	@Test
	void badInvitationsKeepWhatWasTypedWithAMessagePerField() {
		var refused = this.browser.post("/admin/accounts",
				Map.of("email", "not-an-address", "displayName", " ", "role", "overlord"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("email")).hasValue("Enter an email address like name@agency.gov.");
		assertThat(refused.fieldError("displayName")).hasValue("Enter the person's name.");
		assertThat(refused.fieldError("role")).hasValue("Choose a role.");
		assertThat(refused.document().getElementById("email").val()).isEqualTo("not-an-address");
		var duplicate = this.browser.post("/admin/accounts",
				Map.of("email", this.admin.email(), "displayName", "Copy", "role", "editor"));
		assertThat(duplicate.fieldError("email")).hasValue("An account with this email address already exists.");
		var injected = this.browser.post("/admin/accounts",
				Map.of("email", "a@b.gov\r\nBcc: everyone@example.com", "displayName", "X", "role", "editor"));
		assertThat(injected.status()).isEqualTo(422);
	}

	@Test
	void extraFormFieldsCannotSetWhatTheFormDoesNotOffer() {
		String email = TestAccounts.freshEmail("mass");
		var created = this.browser.post("/admin/accounts", Map.of("email", email, "displayName", "Mass Assignment",
				"role", "contributor", "id", "1", "enabled", "false", "passwordSet", "true", "createdBy", "someone"));
		assertThat(created.status()).isEqualTo(201);
		var account = this.service.findByEmail(email).orElseThrow();
		assertThat(account.id()).isNotEqualTo(1L);
		assertThat(account.enabled()).isTrue();
		assertThat(account.passwordSet()).isFalse();
		assertThat(account.role()).isEqualTo(Role.CONTRIBUTOR);
	}

	@Test
	void changingARoleSignsThePersonOutAndIsAudited() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice theirs = new BackOffice(this.port);
		theirs.signIn(editor.email(), editor.password());
		assertThat(theirs.get("/admin").status()).isEqualTo(200);
		this.browser.get("/admin/accounts/" + editor.id());
		var changed = this.browser.post("/admin/accounts/" + editor.id() + "/role", Map.of("role", "publisher"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.document().select(".usa-alert--success").text()).contains("publisher");
		assertThat(theirs.get("/admin").status()).as("signed out").isEqualTo(302);
		assertThat(this.audit.find(new AuditFilter(this.admin.email(), "account.role", null, null, 1)).entries())
			.extracting(AuditEntry::details)
			.containsExactly(editor.email() + ": editor to publisher");
	}

	@Test
	void switchingAnAccountOffSignsItOutEverywhere() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice phone = new BackOffice(this.port);
		BackOffice laptop = new BackOffice(this.port);
		phone.signIn(editor.email(), editor.password());
		laptop.signIn(editor.email(), editor.password());
		var page = this.browser.get("/admin/accounts/" + editor.id());
		assertThat(page.document().select("main p").eachText()).contains("Signed in on 2 devices.");
		this.browser.post("/admin/accounts/" + editor.id() + "/enabled", Map.of("enabled", "false"));
		assertThat(phone.get("/admin").status()).isEqualTo(302);
		assertThat(laptop.get("/admin").status()).isEqualTo(302);
	}

	@Test
	void signOutEverywhereEndsEverySessionOfThatPerson() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice phone = new BackOffice(this.port);
		phone.signIn(editor.email(), editor.password());
		this.browser.get("/admin/accounts/" + editor.id());
		var answer = this.browser.post("/admin/accounts/" + editor.id() + "/sessions", Map.of());
		assertThat(answer.document().select(".usa-alert--success").text()).isEqualTo("Signed out on 1 device.");
		assertThat(phone.get("/admin").status()).isEqualTo(302);
		assertThat(this.browser.get("/admin").status()).as("the admin stays signed in").isEqualTo(200);
	}

	@Test
	void theOnlyAdminCannotBeDemotedOrSwitchedOff() {
		for (var account : this.service.all()) {
			if (account.role() == Role.ADMIN && account.id() != this.admin.id()) {
				this.service.changeRole(account.id(), Role.EDITOR, "test");
			}
		}
		this.browser.get("/admin/accounts/" + this.admin.id());
		var demoted = this.browser.post("/admin/accounts/" + this.admin.id() + "/role", Map.of("role", "editor"));
		assertThat(demoted.status()).isEqualTo(422);
		assertThat(demoted.fieldError("role")).hasValueSatisfying((m) -> assertThat(m).contains("only admin"));
		var off = this.browser.post("/admin/accounts/" + this.admin.id() + "/enabled", Map.of("enabled", "false"));
		assertThat(off.status()).isEqualTo(422);
		assertThat(this.service.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void unknownAndMalformedAccountIdsGetA404Page() {
		for (String id : new String[] { "999999999", "abc", "-1", "1.5", "99999999999999999999" }) {
			var page = this.browser.get("/admin/accounts/" + id);
			assertThat(page.status()).as(id).isEqualTo(404);
			assertThat(page.document().select("h1").text()).as(id).isEqualTo("Page not found");
		}
		assertThat(this.browser.post("/admin/accounts/999999999/role", Map.of("role", "editor")).status())
			.isEqualTo(404);
	}

	@Test
	void badRoleAndEnabledValuesAreRefusedWithAMessage() {
		Person editor = this.accounts.person(Role.EDITOR);
		this.browser.get("/admin/accounts/" + editor.id());
		var role = this.browser.post("/admin/accounts/" + editor.id() + "/role", Map.of("role", "ADMIN"));
		assertThat(role.status()).isEqualTo(422);
		assertThat(role.fieldError("role")).hasValue("Choose one of the roles listed.");
		var enabled = this.browser.post("/admin/accounts/" + editor.id() + "/enabled", Map.of("enabled", "yes"));
		assertThat(enabled.status()).isEqualTo(422);
		assertThat(this.service.find(editor.id()).orElseThrow().role()).isEqualTo(Role.EDITOR);
	}

	@Test
	void backOfficePagesCarryStrictHeaders() {
		var page = this.browser.get("/admin/accounts");
		assertThat(page.header("Cache-Control")).hasValueSatisfying((v) -> assertThat(v).contains("no-store"));
		assertThat(page.header("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'")
				.doesNotContain("unsafe-inline")
				.contains("frame-ancestors 'none'"));
		assertThat(page.header("X-Frame-Options")).hasValue("DENY");
		assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.document().select("meta[name=robots]").attr("content")).contains("noindex");
	}

	@Test
	void nonNormalisedAddressesNeverReachABackOfficePage() {
		String[] normal = new org.gazette.support.Http(this.port).raw("GET", "/admin/accounts",
				"Cookie: __Host-gazette-session=" + this.browser.sessionCookie());
		assertThat(normal[0]).isEqualTo("200");
		assertThat(normal[1]).contains("<h1>Accounts</h1>");
		for (String path : new String[] { "//admin/accounts", "/admin;x=1/accounts", "/admin/accounts;jsessionid=1",
				"/admin%2faccounts", "/admin/%2e%2e/admin/accounts", "/admin/./accounts", "/admin/x/../accounts",
				"/ADMIN/accounts", "/admin/accounts/", "/admin\\accounts" }) {
			String[] raw = new org.gazette.support.Http(this.port).raw("GET", path,
					"Cookie: __Host-gazette-session=" + this.browser.sessionCookie());
			assertThat(raw[1]).as(path).doesNotContain("<h1>Accounts</h1>");
			assertThat(Integer.parseInt(raw[0])).as(path).isBetween(300, 404);
		}
	}

}
