package org.gazette.admin;

import java.util.List;

import com.deque.html.axecore.results.Rule;
import org.gazette.accounts.Role;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office in Chromium: signing in with the keyboard alone, and axe-core finding
 * no WCAG 2.1 A or AA violation on any back-office page, including pages showing errors.
 */
@GazetteWebTest
class BackOfficeAccessibilityBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestAccounts accounts;

	@Autowired
	Stories stories;

	@BeforeEach
	void signOut() {
		this.accounts.forgetFailedSignIns();
		browser.driver().manage().deleteAllCookies();
	}

	@Test
	void signingInAndOutWithTheKeyboardAlone() {
		Person editor = this.accounts.person(Role.EDITOR);
		browser.open("/admin");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/sign-in");
		WebElement email = browser.driver().findElement(By.id("email"));
		email.click();
		email.sendKeys(editor.email(), Keys.TAB, editor.password(), Keys.ENTER);
		browser.waitUntil((driver) -> driver.getCurrentUrl().matches(".*/admin(\\?continue)?$"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		browser.driver().findElement(By.cssSelector(".gazette-sign-out button")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("signed-out"));
		assertThat(browser.driver().findElement(By.cssSelector(".usa-alert--success")).getText())
			.isEqualTo("You have signed out.");
	}

	@Test
	void pagesBeforeSignInHaveNoViolations() {
		check("/admin/sign-in");
		signInWith("nobody@agency.example.gov", "a wrong password here");
		check("sign-in error");
		check("/admin/reset-password");
		browser.driver().findElement(By.id("email")).sendKeys("x");
		browser.driver().findElement(By.cssSelector("main form button")).click();
		check("reset request error (browser validation may block; page as shown)");
		var invitation = this.accounts.invite(TestAccounts.freshEmail("a11y"), Role.EDITOR);
		String path = invitation.setPasswordUrl().substring("https://news.example.gov".length());
		check(path);
		browser.driver().findElement(By.id("password")).sendKeys("short-password");
		browser.driver().findElement(By.id("confirmation")).sendKeys("different password");
		browser.script("document.querySelectorAll('input').forEach(i => i.removeAttribute('minlength'))");
		browser.driver().findElement(By.cssSelector("main form button")).click();
		browser.waitUntil((driver) -> !driver.findElements(By.cssSelector(".usa-error-message")).isEmpty());
		check("set-password errors");
		check("/admin/set-password/" + "B".repeat(43));
	}

	@Test
	void adminPagesHaveNoViolationsOnADesktopOrAPhone() {
		Person admin = this.accounts.person(Role.ADMIN);
		long story = this.stories.story("Accessible takedown " + TestAccounts.freshEmail("a11y")).publish();
		Person editor = this.accounts.person(Role.EDITOR);
		browser.open("/admin/sign-in");
		signInWith(admin.email(), admin.password());
		browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/admin/second-factor"));
		check("/admin/second-factor");
		browser.driver().findElement(By.id("code")).sendKeys(this.accounts.nextCode(admin));
		browser.driver().findElement(By.cssSelector("form[action$='/code'] button")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().matches(".*/admin(\\?continue)?$"));
		for (boolean phone : new boolean[] { false, true }) {
			if (phone) {
				browser.phone();
			}
			check("/admin");
			check("/admin/accounts");
			check("/admin/accounts/new");
			browser.script("document.querySelector('main form').noValidate = true");
			browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.waitUntil((driver) -> !driver.findElements(By.cssSelector(".usa-error-message")).isEmpty());
			check("new account errors");
			check("/admin/accounts/" + editor.id());
			check("/admin/audit");
			check("/admin/audit?from=nonsense");
			check("/admin/subscribers");
			check("/admin/accounts/999999999");
			check("/admin/redirects");
			browser.script("document.querySelector('main form').noValidate = true");
			browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.waitUntil((driver) -> !driver.findElements(By.cssSelector(".usa-error-message")).isEmpty());
			check("redirect errors");
			check("/admin/articles/" + story + "/take-down");
			browser.driver().findElement(By.cssSelector("label[for=kind-withdrawn]")).click();
			browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.waitUntil((driver) -> !driver.findElements(By.cssSelector(".usa-error-message")).isEmpty());
			check("take-down errors");
			check("/admin/articles/" + story + "/address");
		}
	}

	private static void signInWith(String email, String password) {
		browser.open("/admin/sign-in");
		browser.driver().findElement(By.id("email")).sendKeys(email);
		browser.driver().findElement(By.id("password")).sendKeys(password, Keys.ENTER);
		browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).isDisplayed());
	}

	private static void check(String page) {
		if (page.startsWith("/")) {
			browser.open(page);
		}
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).as(Browser.describe(page, violations)).isEmpty();
	}

}
