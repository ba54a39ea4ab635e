package org.gazette.admin;

import java.time.Duration;
import java.util.List;
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
import org.gazette.support.TestTotp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second step of signing in over real HTTP: an authenticator app set up and used with
 * codes computed here from its secret, codes that work once, throttling, recovery codes,
 * forced set-up for publishers and admins, and a password reset that never skips the
 * second factor.
 */
@GazetteWebTest
class MultiFactorSignInTests {

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
	void anAuthenticatorAppIsSetUpWithAQrCodeAndThenAskedForAtEverySignIn() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		assertThat(browser.signIn(editor.email(), editor.password()).location()).isEqualTo("/admin");
		var setup = browser.get("/admin/account/factors/new");
		assertThat(setup.status()).isEqualTo(200);
		assertThat(setup.document().select("img.gazette-qr-code").attr("src")).startsWith("data:image/svg+xml;base64,");
		String secret = setup.document().getElementById("authenticator-key").text().replace(" ", "");
		assertThat(secret).matches("[A-Z2-7]{32}");
		var codes = browser.post("/admin/account/factors/authenticator",
				Map.of("code", TestTotp.code(secret, this.clock.instant())));
		assertThat(codes.status()).isEqualTo(200);
		List<String> recovery = codes.document().select("#recovery-codes code").eachText();
		assertThat(recovery).hasSize(10).allMatch((code) -> code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"));
		assertThat(browser.get("/admin/account/factors").body()).as("the secret is never shown again")
			.doesNotContain(secret)
			.doesNotContain(setup.document().getElementById("authenticator-key").text());
		assertThat(this.mail.to(editor.email())).extracting(TestMail::subject)
			.contains("Your Newsroom sign-in was changed");

		BackOffice later = new BackOffice(this.port);
		assertThat(later.signIn(editor.email(), editor.password()).location()).isEqualTo("/admin/second-factor");
		assertThat(later.get("/admin").location()).as("nothing else until the second factor")
			.isEqualTo("/admin/second-factor");
		assertThat(later.get("/admin/account").location()).isEqualTo("/admin/second-factor");
		var step = later.get("/admin/second-factor");
		assertThat(step.status()).isEqualTo(200);
		assertThat(step.document().getElementById("code")).isNotNull();
		assertThat(step.document().getElementById("use-security-key")).as("no key registered").isNull();
		String before = later.sessionCookie();
		this.clock.advance(Duration.ofSeconds(30));
		var done = later.post("/admin/second-factor/code", Map.of("code", TestTotp.code(secret, this.clock.instant())));
		assertThat(done.location()).isEqualTo("/admin");
		assertThat(later.sessionCookie()).as("new session id once signed in").isNotEqualTo(before);
		assertThat(later.get("/admin").status()).isEqualTo(200);
		assertThat(actions(editor)).contains("mfa.authenticator-added", "mfa.recovery-codes-created", "mfa.used");
	}

	@Test
	void aCodeWorksOnceAndOneStepOfClockDriftIsAllowed() {
		Person admin = this.accounts.person(Role.ADMIN);
		this.clock.advance(Duration.ofMinutes(1));
		String code = TestTotp.code(admin.totpSecret(), this.clock.instant().minusSeconds(30));
		BackOffice first = new BackOffice(this.port);
		first.signIn(admin.email(), admin.password());
		first.get("/admin/second-factor");
		assertThat(first.post("/admin/second-factor/code", Map.of("code", code)).location())
			.as("the previous step's code, from a phone a little behind")
			.isEqualTo("/admin");
		BackOffice second = new BackOffice(this.port);
		second.signIn(admin.email(), admin.password());
		second.get("/admin/second-factor");
		var reused = second.post("/admin/second-factor/code", Map.of("code", code));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.fieldError("code")).hasValueSatisfying((m) -> assertThat(m).contains("already used"));
		String tooOld = TestTotp.code(admin.totpSecret(), this.clock.instant().minusSeconds(90));
		assertThat(second.post("/admin/second-factor/code", Map.of("code", tooOld)).status()).isEqualTo(422);
		assertThat(second.get("/admin").location()).isEqualTo("/admin/second-factor");
	}

	@Test
	void wrongCodesAreThrottledLikePasswordsAndAudited() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice browser = new BackOffice(this.port);
		browser.signIn(admin.email(), admin.password());
		browser.get("/admin/second-factor");
		String right = TestTotp.code(admin.totpSecret(), this.clock.instant().plusSeconds(30));
		String wrong = right.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThat(browser.post("/admin/second-factor/code", Map.of("code", wrong)).status()).isEqualTo(422);
		}
		var slowed = browser.post("/admin/second-factor/code", Map.of("code", right));
		assertThat(slowed.status()).as("not even the right code while slowed").isEqualTo(429);
		assertThat(slowed.fieldError("code")).hasValueSatisfying((m) -> assertThat(m).startsWith("Too many attempts"));
		assertThat(actions(admin)).filteredOn("mfa.failed"::equals).hasSizeGreaterThanOrEqualTo(6);
		this.clock.advance(Duration.ofSeconds(31));
		String now = TestTotp.code(admin.totpSecret(), this.clock.instant());
		assertThat(browser.post("/admin/second-factor/code", Map.of("code", now)).location()).isEqualTo("/admin");
	}

	@Test
	void aRecoveryCodeSignsInOnce() {
		Person admin = this.accounts.person(Role.ADMIN);
		String code = admin.recoveryCodes().get(3).toLowerCase().replace("-", " ");
		BackOffice browser = new BackOffice(this.port);
		browser.signIn(admin.email(), admin.password());
		browser.get("/admin/second-factor");
		assertThat(browser.post("/admin/second-factor/recovery-code", Map.of("recoveryCode", code)).location())
			.as("typed in any case, with spaces")
			.isEqualTo("/admin");
		BackOffice again = new BackOffice(this.port);
		again.signIn(admin.email(), admin.password());
		again.get("/admin/second-factor");
		var spent = again.post("/admin/second-factor/recovery-code", Map.of("recoveryCode", code));
		assertThat(spent.status()).isEqualTo(422);
		assertThat(spent.fieldError("recoveryCode")).hasValueSatisfying((m) -> assertThat(m).contains("works once"));
		assertThat(this.audit.find(new AuditFilter(admin.email(), "mfa.used", null, null, 1)).entries())
			.extracting(AuditEntry::details)
			.contains("recovery code, 9 left at sign-in");
	}

	@Test
	void publishersAndAdminsWithoutAFactorMustSetOneUpBeforeAnythingElse() {
		Person publisher = this.accounts.personWithoutFactors(Role.PUBLISHER);
		BackOffice browser = new BackOffice(this.port);
		assertThat(browser.signIn(publisher.email(), publisher.password()).location()).isEqualTo("/admin/enrol");
		for (String page : new String[] { "/admin", "/admin/account", "/admin/account/factors" }) {
			assertThat(browser.get(page).location()).as(page).isEqualTo("/admin/enrol");
		}
		var enrol = browser.get("/admin/enrol");
		assertThat(enrol.status()).isEqualTo(200);
		assertThat(enrol.document().select(".usa-nav")).as("no navigation yet").isEmpty();
		String secret = enrol.document().getElementById("authenticator-key").text().replace(" ", "");
		var wrong = browser.post("/admin/enrol/authenticator", Map.of("code", "12345x"));
		assertThat(wrong.status()).isEqualTo(422);
		var codes = browser.post("/admin/enrol/authenticator",
				Map.of("code", TestTotp.code(secret, this.clock.instant())));
		assertThat(codes.document().select("#recovery-codes code")).hasSize(10);
		assertThat(codes.document().select("main a.usa-button").attr("href")).isEqualTo("/admin");
		assertThat(browser.get("/admin").status()).isEqualTo(200);
		assertThat(browser.get("/admin/enrol").location()).isEqualTo("/admin");
	}

	@Test
	void anEditorWithoutAFactorSignsInWithThePasswordAlone() {
		Person editor = this.accounts.person(Role.EDITOR);
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password()).location()).isEqualTo("/admin");
	}

	@Test
	void aPasswordResetNeverSkipsTheSecondFactor() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/reset-password");
		browser.post("/admin/reset-password", Map.of("email", admin.email()));
		var received = this.mail.to(admin.email());
		String link = TestMail.links(received.get(received.size() - 1))
			.stream()
			.filter((l) -> l.contains("/admin/reset-password/"))
			.findFirst()
			.orElseThrow();
		String path = link.substring("https://news.example.gov".length());
		browser.get(path);
		var saved = browser.post(path,
				Map.of("password", "a fresh and long password", "confirmation", "a fresh and long password"));
		assertThat(saved.location()).isEqualTo("/admin/sign-in?password-set");
		assertThat(browser.get("/admin").location()).as("the reset does not sign in").endsWith("/admin/sign-in");
		var signIn = new BackOffice(this.port).signIn(admin.email(), "a fresh and long password");
		assertThat(signIn.location()).isEqualTo("/admin/second-factor");
	}

	@Test
	void badCodesGetClearMessagesNeverAnError() {
		Person admin = this.accounts.person(Role.ADMIN);
		BackOffice browser = new BackOffice(this.port);
		browser.signIn(admin.email(), admin.password());
		browser.get("/admin/second-factor");
		Map<String, String> cases = Map.of("", "Enter the 6-digit code", "abcdef", "as 6 digits", "1234567",
				"as 6 digits", "12345", "as 6 digits", "x".repeat(10_000), "as 6 digits", "<script>", "as 6 digits");
		cases.forEach((code, message) -> {
			var answer = browser.post("/admin/second-factor/code", Map.of("code", code));
			assertThat(answer.status()).as(code).isEqualTo(422);
			assertThat(answer.fieldError("code")).as(code).hasValueSatisfying((m) -> assertThat(m).contains(message));
		});
		Map<String, String> recovery = Map.of("", "Enter one of your recovery codes", "1234", "as you saved it",
				"y".repeat(10_000), "as you saved it", "AAAA-BBBB-CCC1", "as you saved it");
		recovery.forEach((code, message) -> {
			var answer = browser.post("/admin/second-factor/recovery-code", Map.of("recoveryCode", code));
			assertThat(answer.status()).as(code).isEqualTo(422);
			assertThat(answer.fieldError("recoveryCode")).as(code)
				.hasValueSatisfying((m) -> assertThat(m).contains(message));
		});
		assertThat(browser.post("/admin/second-factor/code", Map.of()).status()).as("missing field").isEqualTo(422);
	}

	@Test
	void everyNewFormNeedsTheFormToken() {
		Person admin = this.accounts.person(Role.ADMIN);
		Person publisher = this.accounts.personWithoutFactors(Role.PUBLISHER);
		BackOffice pending = new BackOffice(this.port);
		pending.signIn(admin.email(), admin.password());
		assertThat(pending.postRaw("/admin/second-factor/code", Map.of("code", "123456")).status()).isEqualTo(403);
		assertThat(pending.postRaw("/admin/second-factor/recovery-code", Map.of("recoveryCode", "x")).status())
			.isEqualTo(403);
		assertThat(pending.postRaw("/login/webauthn", Map.of()).status()).isEqualTo(403);
		assertThat(pending.postRaw("/webauthn/authenticate/options", Map.of()).status()).isEqualTo(403);
		BackOffice enrolling = new BackOffice(this.port);
		enrolling.signIn(publisher.email(), publisher.password());
		assertThat(enrolling.postRaw("/admin/enrol/authenticator", Map.of("code", "123456")).status()).isEqualTo(403);
		assertThat(enrolling.postRaw("/admin/enrol/security-key", Map.of("name", "k")).status()).isEqualTo(403);
		assertThat(enrolling.postRaw("/admin/enrol/security-key/options", Map.of()).status()).isEqualTo(403);
		BackOffice signedIn = new BackOffice(this.port);
		this.accounts.signIn(signedIn, admin);
		for (String path : new String[] { "/admin/account/password", "/admin/account/email", "/admin/account/sessions",
				"/admin/account/confirm/password", "/admin/account/confirm/code",
				"/admin/account/confirm/recovery-code", "/admin/account/factors/authenticator",
				"/admin/account/factors/authenticator/remove", "/admin/account/factors/security-key",
				"/admin/account/factors/security-key/options", "/admin/account/factors/recovery-codes",
				"/admin/account/factors/security-keys/x/remove",
				"/admin/accounts/" + publisher.id() + "/factors/reset" }) {
			assertThat(signedIn.postRaw(path, Map.of()).status()).as(path).isEqualTo(403);
		}
	}

	private List<String> actions(Person person) {
		return this.audit.find(new AuditFilter(person.email(), null, null, null, 1))
			.entries()
			.stream()
			.map(AuditEntry::action)
			.toList();
	}

}
