package org.gazette.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import org.gazette.accounts.Role;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Topic;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story editor in Chromium, under the back office's strict Content-Security-Policy:
 * writing with the toolbar, previewing, saving, the edit conflict, saving on its own,
 * text kept across an ended session, and axe-core finding no WCAG 2.1 A/AA violation on
 * any of its pages.
 */
@GazetteWebTest
class EditorBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	/** Records CSP violations and script errors, where {@link #problems()} reads them. */
	static final String TRIPWIRE = """
			if (!window.__tripwire) {
				window.__tripwire = true;
				window.__problems = [];
				document.addEventListener('securitypolicyviolation', (e) => window.__problems.push(
					'CSP: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code')));
				window.addEventListener('error', (e) => window.__problems.push('error: ' + e.message));
			}
			""";

	private static int next;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	Author ana;

	Author ben;

	Topic ports;

	@BeforeEach
	void setUp() {
		this.accounts.forgetFailedSignIns();
		browser.driver().manage().deleteAllCookies();
		browser.beforeEveryPage(TRIPWIRE);
		int n = ++next;
		this.ana = this.content.createAuthor(new NewAuthor("browser-ana-" + n, "Ana Browser " + n, "", ""));
		this.ben = this.content.createAuthor(new NewAuthor("browser-ben-" + n, "Ben Browser " + n, "", ""));
		this.ports = this.content.createTopic(new NewTopic("browser-ports-" + n, "Browser ports " + n, ""));
	}

	@Test
	void writingPreviewingAndSavingAStoryWithTheToolbar() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		signIn(writer);
		browser.open("/admin/articles/new");
		assertNoViolations("new story");
		assertThat(browser.driver().findElements(By.cssSelector(".EasyMDEContainer .editor-toolbar button")))
			.hasSizeGreaterThan(5);
		WebElement title = find("#title");
		title.sendKeys("Crossing lanes open at Laredo " + next);
		assertThat(find("#slug").getAttribute("value")).isEqualTo("crossing-lanes-open-at-laredo-" + next);
		find("label[for=type-feature-story]").click();
		new Select(find("#author-1")).selectByVisibleText(this.ben.name());
		new Select(find("#author-2")).selectByVisibleText(this.ana.name());
		find("label[for=topic-" + this.ports.id() + "]").click();
		find("#summary").sendKeys("Two new lanes.");
		browser.waitUntil((d) -> d.findElement(By.cssSelector(".usa-character-count__status"))
			.getText()
			.contains("characters left"));
		find("#dateline").sendKeys("LAREDO, Texas");
		typeInBody("The lanes are ");
		// CodeMirror reads its input field on a timer; the toolbar acts on what it read.
		browser.waitUntil(
				(d) -> "The lanes are ".equals(browser.script("return document.getElementById('bodyMarkdown').value")));
		find(".editor-toolbar button.gazette-tool-bold").click();
		browser.driver().switchTo().activeElement().sendKeys("open");
		assertThat(browser.script("return document.getElementById('bodyMarkdown').value"))
			.isEqualTo("The lanes are **open**");

		// The preview opens in a new tab, from the text as typed.
		String editorWindow = browser.driver().getWindowHandle();
		find("button[formaction='/admin/articles/preview']").click();
		browser.waitUntil((d) -> d.getWindowHandles().size() == 2);
		for (String handle : browser.driver().getWindowHandles()) {
			if (!handle.equals(editorWindow)) {
				browser.driver().switchTo().window(handle);
			}
		}
		browser.waitUntil((d) -> !d.findElements(By.cssSelector("main article h1")).isEmpty());
		assertThat(find("main article h1").getText()).isEqualTo("Crossing lanes open at Laredo " + next);
		assertThat(find(".gazette-body strong").getText()).isEqualTo("open");
		assertThat(find(".gazette-preview-notice").getText()).contains("Preview, not public");
		browser.driver().close();
		browser.driver().switchTo().window(editorWindow);

		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("?created"));
		long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/admin/articles/(\\d+)/edit.*", "$1"));
		var saved = this.content.editable(id).orElseThrow().workingRevision();
		assertThat(saved.bodyMarkdown()).isEqualTo("The lanes are **open**");
		assertThat(saved.authorIds()).containsExactly(this.ben.id(), this.ana.id());
		assertThat(saved.type()).isEqualTo(ArticleType.FEATURE_STORY);
		assertThat(saved.topicIds()).containsExactly(this.ports.id());
		assertNoViolations("edit story");

		// Errors, shown next to their fields, with the toolbar still working.
		find("#title").clear();
		// Past the browser's own check of the required field, to the server's.
		browser.script("document.getElementById('title').removeAttribute('required')");
		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> !d.findElements(By.id("title-error")).isEmpty());
		assertThat(find("#title-error").getText()).isEqualTo("Title is required.");
		assertNoViolations("edit story with errors");

		browser.open("/admin/articles/" + id + "/preview");
		assertThat(find(".gazette-preview-notice a").getAttribute("href")).endsWith("/admin/articles/" + id + "/edit");
		assertNoViolations("preview");
	}

	@Test
	void aStaleSaveShowsTheConflictPageAndKeepsMyText() {
		Person editor = this.accounts.person(Role.EDITOR);
		long id = this.content.createArticle(null, draft("Ports reopen " + next, "The ports reopen on Monday."),
				editor.email());
		signIn(editor);
		browser.open("/admin/articles/" + id + "/edit");
		// Someone else saves while the page is open.
		int version = this.content.editable(id).orElseThrow().version();
		this.content.revise(id, version, draft("Ports reopen " + next, "The ports reopen on Tuesday."),
				"colleague@agency.example.gov");
		WebElement title = find("#title");
		title.clear();
		title.sendKeys("Ports reopen early " + next);
		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> d.findElement(By.tagName("h1")).getText().equals("Someone else saved this story"));
		assertThat(find(".gazette-diff ins").getText()).contains("early");
		assertThat(browser.driver().getPageSource()).contains("colleague@agency.example.gov");
		assertNoViolations("conflict");
		find("button[value=edit]").click();
		browser.waitUntil((d) -> d.findElement(By.id("title")).getAttribute("value").startsWith("Ports reopen early"));
		assertThat(browser.script("return document.getElementById('bodyMarkdown').value"))
			.isEqualTo("The ports reopen on Monday.");
		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("?saved"));
		assertThat(this.content.editable(id).orElseThrow().workingRevision().title())
			.isEqualTo("Ports reopen early " + next);
		assertThat(this.content.history(id)).hasSize(3);
	}

	@Test
	void aDraftSavesItselfAndSaysSoPolitely() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = this.content.createArticle(null, draft("Autosave " + next, "Body."), writer.email());
		signIn(writer);
		browser.open("/admin/articles/" + id + "/edit");
		WebElement status = find("#autosave-status");
		assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
		find("#title").sendKeys(" changed");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(45))
			.until((d) -> d.findElement(By.id("autosave-status")).getText().startsWith("Saved at"));
		assertThat(this.content.editable(id).orElseThrow().workingRevision().title())
			.isEqualTo("Autosave " + next + " changed");
		// The next save is made against the version autosave left, not a conflict.
		find("#title").sendKeys(" again");
		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("?saved"));
		assertThat(this.content.editable(id).orElseThrow().workingRevision().title())
			.isEqualTo("Autosave " + next + " changed again");
		assertNoViolations("after autosave");
	}

	@Test
	void textTypedAfterTheSessionEndedIsSavedAfterSigningInAgain() {
		Person writer = this.accounts.person(Role.CONTRIBUTOR);
		long id = this.content.createArticle(null, draft("Session " + next, "Body."), writer.email());
		signIn(writer);
		browser.open("/admin/articles/" + id + "/edit");
		typeInBody(" Typed while signed out.");
		browser.driver().manage().deleteAllCookies();
		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("/admin/sign-in"));
		find("#email").sendKeys(writer.email());
		find("#password").sendKeys(writer.password());
		find("main form button").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("/admin/articles/" + id + "/edit"));
		browser.waitUntil((d) -> d.findElement(By.id("unsaved-copy")).isDisplayed());
		assertNoViolations("unsaved text offered");
		find("#unsaved-copy-restore").click();
		assertThat(browser.script("return document.getElementById('bodyMarkdown').value"))
			.isEqualTo("Body. Typed while signed out.");
		find("#story-form button[value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("?saved"));
		assertThat(this.content.editable(id).orElseThrow().workingRevision().bodyMarkdown())
			.isEqualTo("Body. Typed while signed out.");
		// Saved, so nothing is offered any more.
		browser.open("/admin/articles/" + id + "/edit");
		assertThat(find("#unsaved-copy").isDisplayed()).isFalse();
	}

	static RevisionDraft draft(String title, String body) {
		return new RevisionDraft(ArticleType.NEWS_RELEASE, title, "A summary.", null, body, List.of(), List.of(), null,
				null);
	}

	/** Types at the end of the body, in the Markdown editor. */
	static void typeInBody(String text) {
		typeInBody(browser, text);
	}

	static void typeInBody(Browser browser, String text) {
		browser.script("const cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus();"
				+ " cm.setCursor(cm.lineCount(), 0);");
		browser.driver().switchTo().activeElement().sendKeys(text);
	}

	static void signIn(Person person) {
		signIn(browser, person);
	}

	static void signIn(Browser browser, Person person) {
		browser.open("/admin/sign-in");
		browser.driver().findElement(By.id("email")).sendKeys(person.email());
		browser.driver().findElement(By.id("password")).sendKeys(person.password());
		browser.driver().findElement(By.cssSelector("main form button")).click();
		browser.waitUntil((d) -> !d.getCurrentUrl().contains("/admin/sign-in"));
	}

	static WebElement find(String css) {
		return browser.driver().findElement(By.cssSelector(css));
	}

	/** Nothing blocked by the policy, no script error, and no WCAG 2.1 A/AA violation. */
	static void assertNoViolations(String page) {
		assertThat(problems()).as("CSP violations and script errors on %s", page).isEmpty();
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).as(Browser.describe(page, violations)).isEmpty();
	}

	@SuppressWarnings("unchecked")
	static List<String> problems() {
		Object found = browser.script("return window.__problems || []");
		return new ArrayList<>((List<String>) found);
	}

}
