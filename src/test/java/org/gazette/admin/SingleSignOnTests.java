package org.gazette.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.gazette.accounts.Accounts;
import org.gazette.accounts.Role;
import org.gazette.audit.AuditEntry;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.StubIdentityProvider;
import org.gazette.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on by OpenID Connect against a stub issuer running in the test: configured
 * by properties only, people matched to accounts by verified email, a claim mapped to a
 * role.
 */
@GazetteWebTest
class SingleSignOnTests {

	static final StubIdentityProvider issuer = new StubIdentityProvider();

	static final String BASE = "https://news.example.gov";

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry properties) {
		String registration = "spring.security.oauth2.client.registration.agency.";
		properties.add(registration + "client-id", () -> "gazette");
		properties.add(registration + "client-secret", () -> "stub-secret");
		properties.add(registration + "scope", () -> "openid,email,profile");
		properties.add("spring.security.oauth2.client.provider.agency.issuer-uri", issuer::issuer);
		properties.add("gazette.sso.label", () -> "Sign in with Agency ID");
		properties.add("gazette.sso.role-claim", () -> "groups");
		properties.add("gazette.sso.roles.newsroom-editors", () -> "editor");
		properties.add("gazette.sso.roles.newsroom-admins", () -> "admin");
		properties.add("gazette.sso.create-accounts", () -> "true");
	}

	@AfterAll
	static void stop() {
		issuer.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Accounts service;

	@Autowired
	AuditLog audit;

	@Test
	void anInvitedPersonSignsInThroughTheProviderAndTheirGroupSetsTheRole() {
		var invited = this.accounts.invite(TestAccounts.freshEmail("sso"), Role.CONTRIBUTOR);
		issuer.signInAs(Map.of("email", invited.account().email(), "email_verified", true, "name", "Sam Single",
				"groups", List.of("staff", "newsroom-editors")));
		BackOffice browser = new BackOffice(this.port);
		var signIn = browser.get("/admin/sign-in");
		assertThat(signIn.document().select("a[href=/admin/sign-in/sso/agency]").text())
			.isEqualTo("Sign in with Agency ID");
		var finished = singleSignOn(browser);
		assertThat(finished.status()).isEqualTo(302);
		assertThat(finished.location()).isEqualTo("/admin");
		var dashboard = browser.get("/admin");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.document().select(".gazette-signed-in-as").text()).contains("(editor)");
		assertThat(this.service.find(invited.account().id()).orElseThrow().role()).isEqualTo(Role.EDITOR);
		assertThat(this.audit.find(new AuditFilter("sso:agency", "account.role", null, null, 1)).entries())
			.extracting(AuditEntry::details)
			.anySatisfy((details) -> assertThat(details).startsWith(invited.account().email()));
		assertThat(this.audit.find(new AuditFilter(invited.account().email(), "sign-in.succeeded", null, null, 1))
			.entries()).hasSize(1);
	}

	@Test
	void aNewPersonInAMappedGroupGetsAnAccount() {
		String email = TestAccounts.freshEmail("newcomer");
		issuer.signInAs(Map.of("email", email, "email_verified", true, "name", "New Comer", "groups",
				List.of("newsroom-admins", "newsroom-editors")));
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/sign-in");
		assertThat(singleSignOn(browser).location()).as("an admin must set up a second factor first")
			.isEqualTo("/admin/enrol");
		assertThat(browser.get("/admin/accounts").location()).isEqualTo("/admin/enrol");
		assertThat(this.service.findByEmail(email)).hasValueSatisfying((account) -> {
			assertThat(account.role()).as("the strongest mapped role").isEqualTo(Role.ADMIN);
			assertThat(account.passwordSet()).isFalse();
		});
	}

	@Test
	void someoneWithASecondFactorIsAskedForItAfterTheProvider() {
		var editor = this.accounts.withAuthenticator(this.accounts.personWithoutFactors(Role.EDITOR));
		issuer.signInAs(Map.of("email", editor.email(), "email_verified", true, "groups", List.of()));
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/sign-in");
		assertThat(singleSignOn(browser).location()).isEqualTo("/admin/second-factor");
		assertThat(browser.get("/admin").location()).isEqualTo("/admin/second-factor");
		browser.get("/admin/second-factor");
		assertThat(browser.post("/admin/second-factor/code", Map.of("code", this.accounts.nextCode(editor))).status())
			.isEqualTo(302);
		assertThat(browser.get("/admin").status()).isEqualTo(200);
	}

	@Test
	void peopleWithoutAnAccountOrAMappedGroupAreTurnedAwayPlainly() {
		String email = TestAccounts.freshEmail("outsider");
		issuer.signInAs(Map.of("email", email, "email_verified", true, "groups", List.of("staff")));
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/sign-in");
		var refused = singleSignOn(browser);
		assertThat(refused.location()).isEqualTo("/admin/sign-in?sso-failed");
		assertThat(browser.get("/admin/sign-in?sso-failed").document().select(".usa-alert--error").text())
			.isEqualTo(SignInController.SSO_FAILED);
		assertThat(browser.get("/admin").status()).isEqualTo(302);
		assertThat(this.service.findByEmail(email)).isEmpty();
	}

	@Test
	void anUnverifiedEmailOrASwitchedOffAccountIsRefused() {
		var editor = this.accounts.person(Role.EDITOR);
		issuer.signInAs(Map.of("email", editor.email(), "email_verified", false, "groups", List.of()));
		BackOffice first = new BackOffice(this.port);
		first.get("/admin/sign-in");
		assertThat(singleSignOn(first).location()).isEqualTo("/admin/sign-in?sso-failed");
		this.service.setEnabled(editor.id(), false, "test");
		issuer.signInAs(Map.of("email", editor.email(), "email_verified", true, "groups", List.of()));
		BackOffice second = new BackOffice(this.port);
		second.get("/admin/sign-in");
		assertThat(singleSignOn(second).location()).isEqualTo("/admin/sign-in?sso-failed");
	}

	@Test
	void theReturnAddressComesFromTheConfiguredBaseUrlAndAForgedStateIsRefused() {
		var editor = this.accounts.person(Role.EDITOR);
		issuer.signInAs(Map.of("email", editor.email(), "email_verified", true, "groups", List.of()));
		BackOffice browser = new BackOffice(this.port);
		browser.get("/admin/sign-in");
		var start = browser.get("/admin/sign-in/sso/agency", "X-Forwarded-Host", "evil.example.com");
		URI authorization = URI.create(start.header("Location").orElseThrow());
		assertThat(authorization.getRawQuery())
			.contains("redirect_uri=" + BASE + "/admin/sign-in/sso/callback/agency&");
		URI callback = issuer.authorize(authorization);
		String forged = callback.getRawPath() + "?" + callback.getRawQuery().replaceAll("state=[^&]+", "state=forged");
		var refused = browser.get(forged, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "news.example.gov");
		assertThat(refused.location()).isEqualTo("/admin/sign-in?sso-failed");
		assertThat(browser.get("/admin").status()).isEqualTo(302);
	}

	/**
	 * Start, the provider's answer, and the return to Gazette (behind the site's proxy).
	 */
	private static BackOffice.Page singleSignOn(BackOffice browser) {
		var start = browser.get("/admin/sign-in/sso/agency");
		assertThat(start.status()).isEqualTo(302);
		URI callback = issuer.authorize(URI.create(start.header("Location").orElseThrow()));
		assertThat(callback.toString()).startsWith(BASE + "/admin/sign-in/sso/callback/agency?");
		return browser.get(callback.getRawPath() + "?" + callback.getRawQuery(), "X-Forwarded-Proto", "https",
				"X-Forwarded-Host", "news.example.gov");
	}

}
