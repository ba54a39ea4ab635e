package org.gazette.admin;

import java.time.Instant;

import org.gazette.accounts.Role;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole workflow in Chromium: a contributor writes and submits a story, an editor
 * approves it, a publisher schedules it, and readers get it at its release instant and
 * not before. Every back-office page on the way has no WCAG 2.1 A/AA violation.
 */
@GazetteWebTest
class WorkflowBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static int next;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@Autowired
	MutableClock clock;

	Author jane;

	@BeforeEach
	void setUp() {
		this.accounts.forgetFailedSignIns();
		browser.driver().manage().deleteAllCookies();
		int n = ++next;
		this.jane = this.content.createAuthor(new NewAuthor("wf-browser-" + n, "Jane Browser " + n, "", ""));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aContributorWritesAnEditorApprovesAPublisherSchedulesAndReadersGetItAtTheInstant() {
		String title = "Ferry service resumes " + next;
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		signIn(writer);
		browser.open("/admin/articles/new");
		find("#title").sendKeys(title);
		String slug = find("#slug").getAttribute("value");
		find("label[for=type-news-release]").click();
		new Select(find("#author-1")).selectByVisibleText(this.jane.name());
		find("#summary").sendKeys("The ferry runs again from Monday.");
		EditorBrowserTests.typeInBody(browser, "Service resumes on the usual timetable.");
		browser.waitUntil((d) -> !String.valueOf(browser.script("return document.getElementById('bodyMarkdown').value"))
			.isEmpty());
		find("#story-form button[name=intent][value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("/edit?created"));
		String editor = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
		assertThat(find("#workflow-status").getText()).isEqualTo("Draft: readers cannot see it.");
		assertAccessible("a draft's editor page, for its writer");
		find("#workflow-submit button").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("/admin?submitted="));
		assertThat(find(".usa-alert--success").getText()).contains("Submitted for review");
		signOut();

		signIn(this.accounts.person(Role.EDITOR));
		assertAccessible("an editor's dashboard with a story waiting for review");
		find("section[aria-labelledby=in-review] a[href$='" + editor.substring(editor.indexOf("/admin")) + "']")
			.click();
		browser.waitUntil((d) -> !d.findElements(By.id("workflow-approve")).isEmpty());
		assertAccessible("a story in review, for an editor");
		find("#workflow-approve button").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("done=approve"));
		assertThat(find("#workflow-status").getText())
			.isEqualTo("Approved: waiting for a publisher to publish or schedule it.");
		signOut();

		signIn(this.accounts.person(Role.PUBLISHER));
		browser.open(editor.substring(editor.indexOf("/admin")));
		assertAccessible("an approved story, for a publisher");
		// The clock reads 3:00 PM Eastern on November 27, 2026: release at 9:30 AM the
		// next day.
		setValue("#releaseDate", "2026-11-28");
		setValue("#releaseTime", "09:30");
		find("#workflow-schedule button").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("done=schedule"));
		assertThat(find("#workflow-status").getText()).startsWith("Scheduled for November 28, 2026 at 9:30 AM EST");
		assertAccessible("a scheduled story, for a publisher");

		Instant release = Instant.parse("2026-11-28T14:30:00Z");
		this.clock.set(release.minusSeconds(1));
		browser.open("/news/" + slug);
		assertThat(find("main h1").getText()).isNotEqualTo(title);
		browser.open("/news");
		assertThat(browser.driver().getPageSource()).doesNotContain(title);
		this.clock.set(release);
		browser.open("/news");
		assertThat(browser.driver().getPageSource()).contains(title);
		browser.open("/news/" + slug);
		assertThat(find("main h1").getText()).isEqualTo(title);
	}

	private void signIn(Person person) {
		browser.open("/admin/sign-in");
		find("#email").sendKeys(person.email());
		find("#password").sendKeys(person.password());
		find("main form button").click();
		browser.waitUntil((d) -> !d.getCurrentUrl().contains("/admin/sign-in"));
		if (person.totpSecret() != null) {
			browser.waitUntil((d) -> !d.findElements(By.id("code")).isEmpty());
			find("#code").sendKeys(this.accounts.nextCode(person));
			find("form[action$='/code'] button").click();
			browser.waitUntil((d) -> !d.getCurrentUrl().contains("/admin/second-factor"));
		}
	}

	private static void signOut() {
		browser.driver().manage().deleteAllCookies();
	}

	private static void setValue(String css, String value) {
		browser.script("const field = document.querySelector(arguments[0]); field.value = arguments[1];", css, value);
	}

	private static WebElement find(String css) {
		return browser.driver().findElement(By.cssSelector(css));
	}

	private static void assertAccessible(String page) {
		var violations = browser.accessibilityViolations();
		assertThat(violations).as(Browser.describe(page, violations)).isEmpty();
	}

}
