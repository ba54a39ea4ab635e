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
import org.gazette.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's own account: changing password, email or second factors needs the password
 * and a factor again (within ten minutes), and the person is told by email; admins reset
 * the factors of someone who lost their key.
 */
@GazetteWebTest
class MyAccountTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	TestMail mail;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void reset() {
		this.accounts.forgetFailedSignIns();
		this.clock.reset();
	}

	@Test
	void changingThePasswordAsksForPasswordAndFactorAgainAndTellsThePerson() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice browser = new BackOffice(this.port);
		this.accounts.signIn(browser, admin);
		this.clock.advance(Duration.ofMinutes(11));
		var page = browser.get("/admin/account");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().getElementById("current")).as("no change forms until confirmed").isNull();
		var refused = browser.post("/admin/account/password", Map.of("current", admin.password(), "password",
				"a new long passphrase", "confirmation", "a new long passphrase"));
		assertThat(refused.location()).isEqualTo("/admin/account/confirm?return=/admin/account");
		var confirm = browser.get("/admin/account/confirm?return=/admin/account");
		assertThat(confirm.document().getElementById("password")).isNotNull();
		assertThat(confirm.document().getElementById("code")).as("password first").isNull();
		var wrong = browser.post("/admin/account/confirm/password", Map.of("password", "not my password at all"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.fieldError("password")).hasValue("That is not your current password.");
		var codeOnlyFirst = browser.post("/admin/account/confirm/code", Map.of("code", "123456"));
		assertThat(codeOnlyFirst.document().getElementById("password")).as("a code alone is not enough").isNotNull();
		var password = browser.post("/admin/account/confirm/password", Map.of("password", admin.password()));
		assertThat(password.location()).isEqualTo("/admin/account/confirm?return=/admin/account");
		assertThat(browser.get(password.location()).document().getElementById("code")).isNotNull();
		var factor = browser.post("/admin/account/confirm/code", Map.of("code", this.accounts.nextCode(admin)));
		assertThat(factor.location()).isEqualTo("/admin/account");
		assertThat(browser.get("/admin/account").document().getElementById("current")).isNotNull();

		var mismatch = browser.post("/admin/account/password",
				Map.of("current", "wrong current password", "password", "short", "confirmation", "other"));
		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.fieldError("current")).hasValue("That is not your current password.");
		assertThat(mismatch.fieldError("password")).hasValueSatisfying((m) -> assertThat(m).contains("12 characters"));
		BackOffice otherDevice = new BackOffice(this.port);
		this.accounts.signIn(otherDevice, admin);
		var changed = browser.post("/admin/account/password", Map.of("current", admin.password(), "password",
				"a new long passphrase", "confirmation", "a new long passphrase"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.document().select(".usa-alert--success").text()).contains("Your password is changed");
		assertThat(browser.get("/admin").status()).as("this device stays signed in").isEqualTo(200);
		assertThat(otherDevice.get("/admin").status()).as("other devices are signed out").isEqualTo(302);
		assertThat(this.mail.to(admin.email())).extracting(TestMail::subject)
			.contains("Your Newsroom password was changed");
		assertThat(actions(admin.email())).contains("account.password-changed", "mfa.used");
	}

	@Test
	void changingTheEmailTellsBothAddressesAndTheNewOneSignsIn() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		browser.signIn(editor.email(), editor.password());
		browser.get("/admin/account");
		for (String bad : new String[] { "", "not an address", "x".repeat(10_000) + "@example.gov", editor.email() }) {
			var refused = browser.post("/admin/account/email", Map.of("email", bad));
			assertThat(refused.status()).as(bad).isEqualTo(422);
			assertThat(refused.fieldError("email")).as(bad).isPresent();
		}
		String fresh = TestAccounts.freshEmail("moved");
		var changed = browser.post("/admin/account/email", Map.of("email", fresh.toUpperCase()));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.document().select(".usa-intro").text()).contains(fresh);
		assertThat(this.mail.to(editor.email())).extracting(TestMail::subject)
			.contains("Your Newsroom email address was changed");
		assertThat(this.mail.to(fresh)).extracting(TestMail::subject)
			.contains("Your Newsroom email address was changed");
		assertThat(new BackOffice(this.port).signIn(fresh, editor.password()).location()).isEqualTo("/admin");
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password()).status()).isEqualTo(401);
		assertThat(actions(fresh)).contains("account.email-changed");
	}

	@Test
	void factorChangesNeedAConfirmationAreAuditedAndEmailed() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice browser = new BackOffice(this.port);
		this.accounts.signIn(browser, admin);
		var list = browser.get("/admin/account/factors");
		assertThat(list.status()).isEqualTo(200);
		var removeOnly = browser.post("/admin/account/factors/authenticator/remove", Map.of());
		assertThat(removeOnly.status()).as("an admin keeps at least one factor").isEqualTo(422);
		assertThat(removeOnly.body()).contains("Your role needs a second factor");
		var codes = browser.post("/admin/account/factors/recovery-codes", Map.of());
		assertThat(codes.document().select("#recovery-codes code")).hasSize(10);
		assertThat(actions(admin.email())).contains("mfa.recovery-codes-regenerated");
		assertThat(this.mail.to(admin.email())).extracting(TestMail::body)
			.anySatisfy((body) -> assertThat(body).contains("New recovery codes were made"));
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(browser.post("/admin/account/factors/recovery-codes", Map.of()).location())
			.isEqualTo("/admin/account/confirm?return=/admin/account/factors");
		assertThat(browser.get("/admin/account/factors/new").location())
			.isEqualTo("/admin/account/confirm?return=/admin/account/factors/new");
		assertThat(browser.post("/admin/account/factors/security-key", Map.of("name", "Blue key")).location())
			.startsWith("/admin/account/confirm");
	}

	@Test
	void anAdminResetsTheFactorsOfSomeoneWhoLostTheirKey() {
		Person admin = this.accounts.person(Role.ADMIN);
		Person publisher = this.accounts.person(Role.PUBLISHER);
		BackOffice browser = new BackOffice(this.port);
		this.accounts.signIn(browser, admin);
		var page = browser.get("/admin/accounts/" + publisher.id());
		assertThat(page.body()).contains("authenticator app set up");
		var reset = browser.post("/admin/accounts/" + publisher.id() + "/factors/reset", Map.of());
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.body()).contains("authenticator app none");
		assertThat(this.mail.to(publisher.email())).extracting(TestMail::subject)
			.contains("Your Newsroom sign-in factors were reset");
		assertThat(this.audit.find(new AuditFilter(admin.email(), "mfa.reset", null, null, 1)).entries())
			.extracting(AuditEntry::targetId)
			.containsExactly(Long.toString(publisher.id()));
		assertThat(new BackOffice(this.port).signIn(publisher.email(), publisher.password()).location())
			.as("must set up a new factor")
			.isEqualTo("/admin/enrol");
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice notAdmin = new BackOffice(this.port);
		notAdmin.signIn(editor.email(), editor.password());
		notAdmin.get("/admin");
		assertThat(notAdmin.post("/admin/accounts/" + publisher.id() + "/factors/reset", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void signingOutEverywhereElseKeepsThisDevice() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice here = new BackOffice(this.port);
		BackOffice there = new BackOffice(this.port);
		here.signIn(editor.email(), editor.password());
		there.signIn(editor.email(), editor.password());
		here.get("/admin/account");
		var answer = here.post("/admin/account/sessions", Map.of());
		assertThat(answer.document().select(".usa-alert--success").text()).contains("Signed out on 1 other device");
		assertThat(here.get("/admin").status()).isEqualTo(200);
		assertThat(there.get("/admin").status()).isEqualTo(302);
	}

	private java.util.List<String> actions(String email) {
		return this.audit.find(new AuditFilter(email, null, null, null, 1))
			.entries()
			.stream()
			.map(AuditEntry::action)
			.toList();
	}

}
