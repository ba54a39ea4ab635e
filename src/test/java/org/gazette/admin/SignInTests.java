package org.gazette.admin;

import java.time.Duration;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.audit.AuditEntry;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out over real HTTP: one answer for every failure, throttling that cannot
 * be used to find accounts, a new session id at sign-in, and every attempt audited.
 */
@GazetteWebTest
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void forgetFailures() {
		this.accounts.forgetFailedSignIns();
		this.clock.reset();
	}

	@Test
	void signInWithTheRightPasswordOpensTheDashboardWithANewSessionId() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/sign-in");
		String before = browser.sessionCookie();
		var answer = browser.post("/admin/sign-in", Map.of("email", editor.email(), "password", editor.password()));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).isEqualTo("/admin");
		assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(before);
		var dashboard = browser.get("/admin");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.document().select("h1").text()).isEqualTo("Dashboard");
		assertThat(dashboard.document().select(".gazette-signed-in-as").text()).contains("(editor)");
	}

	@Test
	void theSessionCookieIsHostPrefixedSecureHttpOnlyAndLax() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		var page = browser.get("/admin/sign-in");
		String cookie = page.headers("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("__Host-gazette-session="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
		assertThat(cookie).doesNotContain("Domain=");
		assertThat(browser.signIn(editor.email(), editor.password()).status()).isEqualTo(302);
	}

	@Test
	void everyFailureGivesTheSameAnswerAndKeepsTheTypedAddress() {
		Person editor = this.accounts.person(Role.EDITOR);
		var invited = this.accounts.invite(TestAccounts.freshEmail("invited"), Role.EDITOR);
		var wrongPassword = new BackOffice(this.port).signIn(editor.email(), "not the password at all");
		var noAccount = new BackOffice(this.port).signIn("nobody-" + editor.email(), "not the password at all");
		var noPasswordYet = new BackOffice(this.port).signIn(invited.account().email(), "not the password at all");
		for (var answer : new BackOffice.Page[] { wrongPassword, noAccount, noPasswordYet }) {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.document().select(".usa-alert--error").text()).isEqualTo(SignInController.FAILED);
		}
		assertThat(wrongPassword.document().getElementById("email").val()).isEqualTo(editor.email());
		assertThat(wrongPassword.document().getElementById("password").val()).isEmpty();
	}

	@Test
	void aDisabledAccountCannotSignInAndGetsTheSameAnswer() {
		Person admin = this.accounts.person(Role.ADMIN);
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice adminBrowser = new BackOffice(this.port);
		this.accounts.signIn(adminBrowser, admin);
		adminBrowser.get("/admin/accounts/" + editor.id());
		assertThat(
				adminBrowser.post("/admin/accounts/" + editor.id() + "/enabled", Map.of("enabled", "false")).status())
			.isEqualTo(200);
		var answer = new BackOffice(this.port).signIn(editor.email(), editor.password());
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.document().select(".usa-alert--error").text()).isEqualTo(SignInController.FAILED);
	}

	@Test
	void passwordsAreVerifiedExactlyAsTyped() {
		Person editor = this.accounts.person(Role.EDITOR);
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password().toUpperCase()).status())
			.isEqualTo(401);
		assertThat(new BackOffice(this.port).signIn(editor.email(), " " + editor.password()).status()).isEqualTo(401);
		assertThat(new BackOffice(this.port).signIn(editor.email().toUpperCase(), editor.password()).status())
			.as("addresses are not case sensitive")
			.isEqualTo(302);
	}

	@Test
	void repeatedFailuresSlowDownThenLockAnAddressWhetherOrNotItHasAnAccount() {
		Person editor = this.accounts.person(Role.EDITOR);
		String stranger = "stranger-" + editor.email();
		for (String email : new String[] { editor.email(), stranger }) {
			for (int i = 0; i < 5; i++) {
				assertThat(new BackOffice(this.port).signIn(email, "wrong password " + i).status()).isEqualTo(401);
			}
			var slowed = new BackOffice(this.port).signIn(email, "wrong password again");
			assertThat(slowed.status()).as(email).isEqualTo(429);
			assertThat(slowed.document().select(".usa-alert--error").text()).startsWith("Too many sign-in attempts");
		}
		var rightPasswordWhileSlowed = new BackOffice(this.port).signIn(editor.email(), editor.password());
		assertThat(rightPasswordWhileSlowed.status()).as("not even the right password gets in").isEqualTo(429);
		this.clock.advance(Duration.ofSeconds(16));
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password()).status()).isEqualTo(302);
	}

	@Test
	void tenFailuresLockTheAddressForFifteenMinutes() {
		Person editor = this.accounts.person(Role.EDITOR);
		for (int i = 0; i < 10; i++) {
			assertThat(new BackOffice(this.port).signIn(editor.email(), "wrong password " + i).status()).isEqualTo(401);
			this.clock.advance(Duration.ofMinutes(5));
		}
		var locked = new BackOffice(this.port).signIn(editor.email(), editor.password());
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.document().select(".usa-alert--error").text()).contains("Wait 10 minutes");
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password()).status()).isEqualTo(302);
	}

	@Test
	void oneClientTryingManyAddressesIsSlowedToo() {
		for (int i = 0; i < 20; i++) {
			new BackOffice(this.port).signIn(TestAccounts.freshEmail("spray"), "wrong password");
		}
		Person editor = this.accounts.person(Role.EDITOR);
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password()).status()).isEqualTo(429);
	}

	@Test
	void signInsFailuresAndSignOutsAreAuditedWithTheClientAddress() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		browser.signIn(editor.email(), "wrong password here");
		browser.signIn(editor.email(), editor.password());
		browser.get("/admin");
		assertThat(browser.post("/admin/sign-out", Map.of()).location()).isEqualTo("/admin/sign-in?signed-out");
		assertThat(browser.get("/admin").status()).as("signed out").isEqualTo(302);
		var entries = this.audit.find(new AuditFilter(editor.email(), null, null, null, 1)).entries();
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly("sign-out", "sign-in.succeeded", "sign-in.failed", "account.password-set");
		assertThat(entries.subList(0, 3)).extracting(AuditEntry::clientAddress).containsOnly("127.0.0.1");
	}

	@Test
	void signingInWithoutTheFormTokenIsRefused() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/sign-in");
		var answer = browser.postRaw("/admin/sign-in", Map.of("email", editor.email(), "password", editor.password()));
		assertThat(answer.status()).isEqualTo(403);
		assertThat(browser.get("/admin").status()).isEqualTo(302);
	}

	@Test
	void aSignedInPersonOpeningTheSignInPageGoesToTheDashboard() {
		Person editor = this.accounts.person(Role.CONTRIBUTOR);
		BackOffice browser = new BackOffice(this.port);
		browser.signIn(editor.email(), editor.password());
		assertThat(browser.get("/admin/sign-in").location()).isEqualTo("/admin");
	}

	@Test
	void afterSignInThePersonReturnsToThePageTheyAskedFor() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice browser = new BackOffice(this.port);
		assertThat(browser.get("/admin/audit?action=sign-in.").location()).isEqualTo("/admin/sign-in");
		var password = browser.signIn(admin.email(), admin.password());
		assertThat(password.location()).as("admins have a second factor").isEqualTo("/admin/second-factor");
		browser.get("/admin/second-factor");
		var answer = browser.post("/admin/second-factor/code", Map.of("code", this.accounts.nextCode(admin)));
		assertThat(answer.location()).isEqualTo("/admin/audit?action=sign-in.&continue");
	}

}
