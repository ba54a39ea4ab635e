package org.gazette.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.gazette.accounts.Role;
import org.gazette.support.Browser;
import org.gazette.support.MutableClock;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.gazette.support.WebTestConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a second factor in Chromium: a code from an authenticator app, and a
 * passkey registered and then used through Chromium's virtual authenticator. axe-core
 * finds no WCAG 2.1 A/AA violation on any of the new pages.
 *
 * WebAuthn only works when the page's origin is the configured public address, so this
 * class runs its own application whose address is http://localhost on a port chosen here
 * (browsers treat localhost as secure).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"gazette.demo-content=false", "gazette.search.index-directory=target/test-search-index/${random.uuid}",
		"spring.datasource.url=jdbc:h2:mem:webauthn;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@Import(WebTestConfiguration.class)
class MultiFactorBrowserTests {

	private static final int PORT = freePort();

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	private VirtualAuthenticator authenticator;

	@DynamicPropertySource
	static void address(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("gazette.base-url", () -> "http://localhost:" + PORT);
	}

	@BeforeEach
	void reset() {
		this.accounts.forgetFailedSignIns();
		this.clock.reset();
		browser.driver().manage().deleteAllCookies();
	}

	@AfterEach
	void removeAuthenticator() {
		if (this.authenticator != null) {
			((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(this.authenticator);
			this.authenticator = null;
		}
	}

	@Test
	void signInWithACodeFromAnAuthenticatorApp() {
		Person admin = this.accounts.person(Role.ADMIN);
		browser.open("/admin/sign-in");
		assertAccessible("sign-in");
		typePassword(admin);
		browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/admin/second-factor"));
		assertAccessible("second factor");
		browser.driver().findElement(By.id("code")).sendKeys("12345x");
		browser.driver().findElement(By.cssSelector("form[action$='/code'] button")).click();
		browser.waitUntil((driver) -> driver.findElements(By.id("code-error")).size() == 1);
		assertAccessible("second factor with an error");
		browser.driver().findElement(By.id("code")).sendKeys(this.accounts.nextCode(admin));
		browser.driver().findElement(By.cssSelector("form[action$='/code'] button")).click();
		browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Dashboard"));
		for (String page : new String[] { "/admin/account", "/admin/account/factors", "/admin/account/factors/new",
				"/admin/accounts/" + admin.id() }) {
			browser.open(page);
			assertAccessible(page);
		}
		this.clock.advance(Duration.ofMinutes(11));
		browser.open("/admin/account");
		assertAccessible("my account, not confirmed");
		browser.open("/admin/account/confirm?return=/admin/account");
		assertAccessible("confirm: password");
		browser.driver().findElement(By.id("password")).sendKeys(admin.password());
		browser.driver().findElement(By.cssSelector("main form button")).click();
		browser.waitUntil((driver) -> driver.findElements(By.id("code")).size() == 1);
		assertAccessible("confirm: second factor");
		browser.driver().findElement(By.id("code")).sendKeys(this.accounts.nextCode(admin));
		browser.driver().findElement(By.cssSelector("form[action$='/code'] button")).click();
		browser.waitUntil((driver) -> driver.findElements(By.id("current")).size() == 1);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/account");
	}

	@Test
	void aPublisherSetsUpAPasskeyAndSignsInWithIt() {
		this.authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		Person publisher = this.accounts.personWithoutFactors(Role.PUBLISHER);
		browser.open("/admin/sign-in");
		typePassword(publisher);
		browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/admin/enrol"));
		assertAccessible("set up a second factor");
		browser.driver().findElement(By.id("name")).sendKeys("Work laptop");
		browser.driver().findElement(By.cssSelector("form[data-webauthn-register] button")).click();
		browser.waitUntil((driver) -> driver.findElements(By.id("recovery-codes")).size() == 1);
		assertAccessible("recovery codes");
		assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes code"))).hasSize(10);
		assertThat(this.authenticator.getCredentials()).hasSize(1);
		browser.driver().findElement(By.cssSelector("main a.usa-button")).click();
		browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Dashboard"));
		browser.open("/admin/account/factors");
		assertThat(browser.driver().findElement(By.id("security-keys")).getText()).contains("Work laptop");

		browser.driver().manage().deleteAllCookies();
		browser.open("/admin/sign-in");
		typePassword(publisher);
		browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/admin/second-factor"));
		assertAccessible("second factor with a security key");
		browser.driver().findElement(By.id("use-security-key")).click();
		browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Dashboard"));
		assertThat(browser.driver().findElement(By.cssSelector(".gazette-signed-in-as")).getText())
			.contains("(publisher)");
	}

	private static void typePassword(Person person) {
		browser.driver().findElement(By.id("email")).sendKeys(person.email());
		browser.driver().findElement(By.id("password")).sendKeys(person.password());
		browser.driver().findElement(By.cssSelector("main form button")).click();
	}

	private static void assertAccessible(String page) {
		var violations = browser.accessibilityViolations();
		assertThat(violations).as(Browser.describe(page, violations)).isEmpty();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
