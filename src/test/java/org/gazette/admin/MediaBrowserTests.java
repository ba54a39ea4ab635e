package org.gazette.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import org.gazette.accounts.Role;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaLibrary;
import org.gazette.publishing.Publishing;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library in Chromium, as an editor uses it: uploading an image (with the
 * refusals on the way), giving it alt text, choosing it as a story's hero and putting it
 * in the text from the editor's picker, and readers getting it with a working
 * {@code srcset}. axe-core finds no WCAG 2.1 A/AA violation on the library's pages, their
 * error states included, nor on the editor with its picker.
 */
@GazetteWebTest
class MediaBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MediaLibrary media;

	@Autowired
	Publishing publishing;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() {
		this.accounts.forgetFailedSignIns();
		browser.driver().manage().deleteAllCookies();
		browser.beforeEveryPage(EditorBrowserTests.TRIPWIRE);
	}

	@Test
	void anImageGoesFromTheLibraryToThePublicPageWithAWorkingSrcset() throws IOException {
		EditorBrowserTests.signIn(browser, this.accounts.person(Role.EDITOR));
		String name = "harbor-" + System.nanoTime();
		Path photo = Files.createTempDirectory("gazette-browser-").resolve(name + ".jpg");
		Files.write(photo, TestImages.jpeg(2000, 1000));

		browser.open("/admin/media");
		assertNoViolations("the library");
		find("main form[enctype] button[type=submit]").click();
		waitForError();
		assertThat(find("#file-error").getText()).contains("Choose a file to upload.");
		assertNoViolations("the library, upload without a file");

		// Without alt text: refused, what was typed kept.
		find("#file").sendKeys(photo.toString());
		find("#caption").sendKeys("The new inspection lanes.");
		find("main form[enctype] button[type=submit]").click();
		waitForError();
		assertThat(find("#altText-error").getText()).contains("Describe the image");
		assertThat(find("#caption").getAttribute("value")).isEqualTo("The new inspection lanes.");
		assertNoViolations("the library, upload without alt text");

		find("#file").sendKeys(photo.toString());
		find("#altText").sendKeys("Trucks waiting in four new inspection lanes.");
		find("main form[enctype] button[type=submit]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().contains("?uploaded"));
		long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/admin/media/(\\d+)\\?.*", "$1"));
		MediaAsset image = this.media.find(id).orElseThrow();
		assertThat(image.altText()).isEqualTo("Trucks waiting in four new inspection lanes.");
		assertNoViolations("an image's page");
		find("#altText").clear();
		find("main form[action='/admin/media/" + id + "'] button[type=submit]").click();
		waitForError();
		assertNoViolations("an image's page, saved without alt text");
		find("form[action*='/replace'] button[type=submit]").click();
		browser.waitUntil((d) -> !d.findElements(By.id("replacement-error")).isEmpty());
		assertNoViolations("an image's page, replaced without a file");

		// The editor: the image in the picker, as the hero and in the text.
		browser.open("/admin/articles/new");
		// The editor replaces the text area once its script has run, which moves what is
		// below it: clicks wait for that.
		browser.waitUntil((d) -> !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
		assertThat(find("label[for=hero-" + id + "] img").getAttribute("src")).endsWith(image.url(480));
		assertNoViolations("the editor with the media picker");
		find("#title").sendKeys("Harbor lanes " + name);
		find("#summary").sendKeys("Four lanes open.");
		find("label[for=hero-" + id + "]").click();
		assertThat(find("#hero-" + id).isSelected()).as("the hero chosen").isTrue();
		WebElement insert = find("#hero-" + id + " ~ button.gazette-insert-image");
		assertThat(insert.getText()).isEqualTo("Put “" + image.title() + "” in the text");
		insert.click();
		assertThat((String) browser.script("return document.querySelector('.CodeMirror').CodeMirror.getValue()"))
			.contains(image.markdown());
		find("button[name=intent][value=save]").click();
		browser.waitUntil((d) -> d.getCurrentUrl().matches(".*/admin/articles/\\d+/edit.*"));
		long story = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/admin/articles/(\\d+)/.*", "$1"));
		assertThat(find("#hero-" + id).isSelected()).isTrue();

		// The copy kept in this browser has the hero too: restoring it brings it back.
		find("label[for=hero-none]").click();
		browser.waitUntil(
				(d) -> String.valueOf(browser.script("return localStorage.getItem('gazette-unsaved:" + story + "')"))
					.contains("\"heroMediaId\":\"\""));
		browser.open("/admin/articles/" + story + "/edit");
		assertThat(find("#hero-" + id).isSelected()).isTrue();
		find("#unsaved-copy-restore").click();
		assertThat(find("#hero-none").isSelected()).isTrue();
		find("label[for=hero-" + id + "]").click();
		find("button[name=intent][value=save]").click();
		browser.waitUntil((d) -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
		assertThat(find("#hero-" + id).isSelected()).isTrue();

		this.publishing.publish(story, this.clock.instant());
		String slug = "harbor-lanes-" + name;
		browser.open("/news/" + slug);
		WebElement hero = find("figure.gazette-hero img");
		assertThat(hero.getAttribute("alt")).isEqualTo("Trucks waiting in four new inspection lanes.");
		List<String> candidates = Arrays.stream(hero.getAttribute("srcset").split(",\\s*"))
			.map((candidate) -> candidate.split(" ")[0])
			.toList();
		assertThat(candidates).containsExactly(image.url(480), image.url(960), image.url(1600));
		browser.waitUntil((d) -> (Boolean) browser.script(
				"const i = document.querySelector('figure.gazette-hero img'); return i.complete && i.naturalWidth > 0"));
		assertThat((String) browser.script("return document.querySelector('figure.gazette-hero img').currentSrc"))
			.matches(".*/media/" + image.sha256() + "-(480|960|1600)\\.jpg");
		assertThat(find(".gazette-body img").getAttribute("src")).endsWith(image.url(960));
		Http http = new Http(this.port);
		for (String candidate : candidates) {
			Http.Response file = http.get(candidate);
			assertThat(file.status()).as(candidate).isEqualTo(200);
			assertThat(file.header("Content-Type")).as(candidate).contains("image/jpeg");
		}
	}

	private static void waitForError() {
		browser.waitUntil((d) -> !d.findElements(By.cssSelector(".usa-error-message")).isEmpty());
	}

	private static WebElement find(String css) {
		return browser.driver().findElement(By.cssSelector(css));
	}

	/** Nothing blocked by the policy, no script error, and no WCAG 2.1 A/AA violation. */
	private static void assertNoViolations(String page) {
		assertThat(browser.script("return window.__problems || []")).as("CSP violations and script errors on %s", page)
			.asList()
			.isEmpty();
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).as(Browser.describe(page, violations)).isEmpty();
	}

}
