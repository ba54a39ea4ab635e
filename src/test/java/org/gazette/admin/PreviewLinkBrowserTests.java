package org.gazette.admin;

import org.gazette.accounts.Role;
import org.gazette.content.Content;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preview links in Chromium: the back-office page, its error, the link just made, the
 * page the link opens and the page it opens once revoked, each with no WCAG 2.1 A/AA
 * violation, no script error and nothing blocked by the content policy.
 */
@GazetteWebTest
class PreviewLinkBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@BeforeEach
	void setUp() {
		this.accounts.forgetFailedSignIns();
		browser.driver().manage().deleteAllCookies();
		browser.beforeEveryPage(EditorBrowserTests.TRIPWIRE);
	}

	@Test
	void makingOpeningAndRevokingALinkWithNoViolations() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = this.content.createArticle(null, EditorTests.draft("Browser preview"), writer.email());
		EditorBrowserTests.signIn(browser, writer);
		for (boolean phone : new boolean[] { false, true }) {
			if (phone) {
				browser.phone();
			}
			browser.open("/admin/articles/" + id + "/edit");
			browser.driver().findElement(By.linkText("Share a preview link")).click();
			browser.waitUntil((d) -> d.getCurrentUrl().endsWith("/preview-links"));
			EditorBrowserTests.assertNoViolations("preview links");

			browser.script("document.querySelectorAll('input[name=lifetime]').forEach(i => i.checked = false)");
			browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.waitUntil((d) -> !d.findElements(By.cssSelector(".usa-error-message")).isEmpty());
			EditorBrowserTests.assertNoViolations("preview links form error");

			browser.driver().findElement(By.cssSelector("label[for=lifetime-1]")).click();
			browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.waitUntil((d) -> !d.findElements(By.id("new-link")).isEmpty());
			EditorBrowserTests.assertNoViolations("preview link made");
			String url = browser.driver().findElement(By.id("new-link")).getAttribute("value");
			assertThat(url).startsWith("https://news.example.gov/preview/");
			String path = url.substring("https://news.example.gov".length());

			browser.open(path);
			assertThat(browser.driver().findElement(By.cssSelector("main article h1")).getText())
				.isEqualTo("Browser preview");
			assertThat(browser.driver().findElement(By.cssSelector(".gazette-preview-notice")).getText())
				.startsWith("Preview — not published. This link expires on");
			EditorBrowserTests.assertNoViolations("the preview a link opens");

			browser.open("/admin/articles/" + id + "/preview-links");
			browser.driver().findElement(By.cssSelector("tbody form button")).click();
			browser.waitUntil((d) -> d.getCurrentUrl().contains("?revoked="));
			EditorBrowserTests.assertNoViolations("preview link revoked");
			browser.open(path);
			assertThat(browser.driver().findElement(By.cssSelector("main h1")).getText())
				.isEqualTo("This preview link no longer works");
			EditorBrowserTests.assertNoViolations("a revoked preview link");
		}
	}

}
