package org.gazette.admin;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.gazette.accounts.Role;
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
 * Forgotten passwords, by an emailed one-time link sent through a real SMTP server, and
 * first passwords from an invitation.
 */
@GazetteWebTest
class PasswordResetTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

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
	void aResetLinkByEmailSetsANewPasswordOnceAndTheOldOneStopsWorking() {
		Person editor = this.accounts.person(Role.EDITOR);
		String link = requestReset(editor.email());
		assertThat(link).startsWith("https://news.example.gov/admin/reset-password/");
		String path = link.substring("https://news.example.gov".length());
		BackOffice browser = new BackOffice(this.port);
		var form = browser.get(path);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.document().select("h1").text()).isEqualTo("Choose a new password");
		var saved = browser.post(path,
				Map.of("password", "a brand new long password", "confirmation", "a brand new long password"));
		assertThat(saved.location()).isEqualTo("/admin/sign-in?password-set");
		assertThat(new BackOffice(this.port).signIn(editor.email(), editor.password()).status()).isEqualTo(401);
		assertThat(new BackOffice(this.port).signIn(editor.email(), "a brand new long password").status())
			.isEqualTo(302);
		assertThat(browser.get(path).status()).as("used once").isEqualTo(404);
		assertThat(this.mail.to(editor.email())).extracting(TestMail::subject)
			.contains("Your Newsroom password was changed");
	}

	@Test
	void theFormAnswersTheSameForUnknownAddressesAndSendsNothing() {
		String nobody = TestAccounts.freshEmail("nobody");
		var answer = requestResetPage(nobody);
		BackOffice.Page known = requestResetPage(this.accounts.person(Role.EDITOR).email());
		assertThat(answer.status()).isEqualTo(known.status()).isEqualTo(200);
		assertThat(answer.document().select("main p").first().text().replace(nobody, "X"))
			.isEqualTo(known.document().select("main p").first().text().replaceAll("\\S+@\\S+", "X"));
		assertThat(this.mail.to(nobody)).isEmpty();
	}

	@Test
	void linksAreBuiltFromTheConfiguredAddressNotFromRequestHeaders() {
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/reset-password");
		browser.post("/admin/reset-password", Map.of("email", editor.email()), "X-Forwarded-Host", "evil.example.com",
				"X-Forwarded-Proto", "http");
		assertThat(TestMail.links(last(editor.email()))).isNotEmpty()
			.allSatisfy((link) -> assertThat(link).startsWith("https://news.example.gov/"));
	}

	@Test
	void aResetLinkExpiresAfterAnHour() {
		Person editor = this.accounts.person(Role.EDITOR);
		String path = requestReset(editor.email()).substring("https://news.example.gov".length());
		this.clock.advance(Duration.ofMinutes(61));
		var expired = new BackOffice(this.port).get(path);
		assertThat(expired.status()).isEqualTo(404);
		assertThat(expired.document().select("h1").text()).isEqualTo("This link no longer works");
	}

	@Test
	void aWeakOrMismatchedPasswordIsRefusedWithAMessageAndTheLinkStillWorks() {
		Person editor = this.accounts.person(Role.EDITOR);
		String path = requestReset(editor.email()).substring("https://news.example.gov".length());
		BackOffice browser = new BackOffice(this.port);
		browser.get(path);
		Map<String, String> cases = Map.of("short", "Use at least 12 characters", "password1234", "too common",
				"qwertyuiop123", "too common", "x".repeat(257), "256 characters or fewer");
		cases.forEach((password, message) -> {
			var refused = browser.post(path, Map.of("password", password, "confirmation", password));
			assertThat(refused.status()).as(password).isEqualTo(422);
			assertThat(refused.fieldError("password")).as(password)
				.hasValueSatisfying((m) -> assertThat(m).contains(message));
		});
		var mismatch = browser.post(path,
				Map.of("password", "one long password here", "confirmation", "another long password"));
		assertThat(mismatch.fieldError("confirmation"))
			.hasValueSatisfying((m) -> assertThat(m).contains("not the same"));
		assertThat(
				browser
					.post(path,
							Map.of("password", "finally a good passphrase", "confirmation",
									"finally a good passphrase"))
					.status())
			.isEqualTo(302);
	}

	@Test
	void aLongPasswordWithAnyCharactersWorks() {
		Person editor = this.accounts.person(Role.EDITOR);
		String path = requestReset(editor.email()).substring("https://news.example.gov".length());
		String password = "Ünïcode & spaces \"quoted\" <tag> ".repeat(7).substring(0, 200);
		BackOffice browser = new BackOffice(this.port);
		browser.get(path);
		assertThat(browser.post(path, Map.of("password", password, "confirmation", password)).status()).isEqualTo(302);
		assertThat(new BackOffice(this.port).signIn(editor.email(), password).status()).isEqualTo(302);
	}

	@Test
	void tamperedAndMalformedLinksGetTheSamePlainPage() {
		for (String token : new String[] { "abc", "x".repeat(43), "%00", "..%2f..%2fetc", "A".repeat(500) }) {
			var page = new BackOffice(this.port).get("/admin/reset-password/" + token);
			assertThat(page.status()).as(token).isIn(400, 404);
			assertThat(page.body()).as(token).doesNotContain("Exception");
		}
	}

	@Test
	void anInvitationLinkSetsTheFirstPassword() {
		var invitation = this.accounts.invite(TestAccounts.freshEmail("new"), Role.CONTRIBUTOR);
		String path = invitation.setPasswordUrl().substring("https://news.example.gov".length());
		BackOffice browser = new BackOffice(this.port);
		assertThat(browser.get(path).document().select("h1").text()).isEqualTo("Choose your password");
		assertThat(browser
			.post(path, Map.of("password", "my first long password", "confirmation", "my first long password"))
			.status()).isEqualTo(302);
		assertThat(new BackOffice(this.port).signIn(invitation.account().email(), "my first long password").status())
			.isEqualTo(302);
		assertThat(browser.get(path).status()).isEqualTo(404);
	}

	@Test
	void anInvitationLinkCannotBeUsedAsAResetLinkOrTheOtherWayRound() {
		var invitation = this.accounts.invite(TestAccounts.freshEmail("new"), Role.CONTRIBUTOR);
		String token = invitation.setPasswordUrl().substring(invitation.setPasswordUrl().lastIndexOf('/') + 1);
		assertThat(new BackOffice(this.port).get("/admin/reset-password/" + token).status()).isEqualTo(404);
	}

	private String requestReset(String email) {
		requestResetPage(email);
		return TestMail.links(last(email))
			.stream()
			.filter((link) -> link.contains("/admin/reset-password/"))
			.findFirst()
			.orElseThrow();
	}

	private BackOffice.Page requestResetPage(String email) {
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/reset-password");
		return browser.post("/admin/reset-password", Map.of("email", email));
	}

	private MimeMessage last(String email) {
		var received = this.mail.to(email);
		assertThat(received).as("emails to " + email).isNotEmpty();
		return received.get(received.size() - 1);
	}

}
