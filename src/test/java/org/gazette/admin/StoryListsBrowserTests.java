package org.gazette.admin;

import java.util.List;

import com.deque.html.axecore.results.Rule;
import org.gazette.accounts.Role;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
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

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story list, history, restore, authors and topics in Chromium: restoring a revision
 * from the history page to the new revision, and axe-core finding no WCAG 2.1 A or AA
 * violation on any of these pages, with results, empty and with errors.
 */
@GazetteWebTest
class StoryListsBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestAccounts accounts;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	private long story;

	private Author author;

	private Topic topic;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		browser.driver().manage().deleteAllCookies();
		String suffix = Long.toString(System.nanoTime() % 1_000_000);
		this.author = this.stories.author("Rosa Diaz " + suffix);
		this.topic = this.stories.topic("Wildfires " + suffix);
		this.story = this.stories.story("Crews contain the fire " + suffix)
			.by(this.author)
			.about(this.topic)
			.body("Crews contained the fire on Tuesday.\n\nRoads are open.")
			.draft();
		this.stories.revise(this.story, "Crews contain the Ridge fire " + suffix,
				"Crews contained the Ridge fire on Wednesday.\n\nRoads are open.", "ann@agency.example.gov",
				"Name the fire");
		Person editor = this.accounts.person(Role.EDITOR);
		browser.open("/admin/sign-in");
		browser.driver().findElement(By.id("email")).sendKeys(editor.email());
		browser.driver().findElement(By.id("password")).sendKeys(editor.password(), Keys.ENTER);
		browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Dashboard"));
	}

	@Test
	void restoringARevisionFromTheHistory() {
		browser.open("/admin/articles?q=" + this.author.name().replaceAll("\\D", ""));
		browser.driver()
			.findElement(By.cssSelector("tbody a[href='/admin/articles/" + this.story + "/history']"))
			.click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/history"));
		browser.driver().findElement(By.cssSelector("a[href$='restore?revision=1']")).click();
		browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().startsWith("Restore revision 1"));
		assertThat(browser.driver().findElement(By.cssSelector(".gazette-diff")).getText()).contains("Ridge",
				"Wednesday", "Tuesday");
		browser.driver().findElement(By.cssSelector("#restore button[type=submit]")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("restored=1"));
		assertThat(browser.driver().findElement(By.cssSelector(".usa-alert--success")).getText())
			.isEqualTo("Revision 1 is restored, as the new revision 3.");
		assertThat(this.content.workingRevision(this.story).orElseThrow().bodyMarkdown())
			.isEqualTo("Crews contained the fire on Tuesday.\n\nRoads are open.");
		assertThat(browser.driver().findElements(By.cssSelector("tbody tr"))).hasSize(3);
	}

	@Test
	void listHistoryAndProfilePagesHaveNoViolationsOnADesktopOrAPhone() {
		for (boolean phone : new boolean[] { false, true }) {
			if (phone) {
				browser.phone();
			}
			check("/admin");
			check("/admin/articles");
			check("/admin/articles?sort=title&author=" + this.author.id());
			check("/admin/articles?q=nothing-matches-this-at-all");
			check("/admin/articles?sort=sideways&page=0&q=" + "x".repeat(400));
			check("/admin/articles/" + this.story + "/history");
			check("/admin/articles/" + this.story + "/compare?from=1&to=2");
			check("/admin/articles/" + this.story + "/compare?from=x");
			check("/admin/articles/" + this.story + "/restore?revision=1");
			check("/admin/articles/999999999/history");
			check("/admin/authors");
			check("/admin/authors/new");
			check("/admin/authors/" + this.author.id());
			browser.script("document.querySelector('main form.usa-form--large').noValidate = true");
			browser.driver().findElement(By.id("name")).clear();
			browser.driver().findElement(By.id("slug")).clear();
			browser.driver().findElement(By.id("slug")).sendKeys("Not a slug");
			browser.driver().findElement(By.cssSelector("main form.usa-form--large button[type=submit]")).click();
			browser.waitUntil((driver) -> !driver.findElements(By.cssSelector(".usa-error-message")).isEmpty());
			check("author edit errors");
			Author other = this.stories.author("Other " + System.nanoTime());
			check("/admin/authors/" + this.author.id() + "/merge?into=" + other.id());
			check("/admin/authors/" + this.author.id() + "/merge?into=nonsense");
			check("/admin/topics");
			check("/admin/topics/new");
			check("/admin/topics/" + this.topic.id());
			Topic otherTopic = this.stories.topic("Other " + System.nanoTime());
			check("/admin/topics/" + this.topic.id() + "/merge?into=" + otherTopic.id());
		}
	}

	private static void check(String page) {
		if (page.startsWith("/")) {
			browser.open(page);
		}
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).as(Browser.describe(page, violations)).isEmpty();
	}

}
