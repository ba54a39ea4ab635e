package org.gazette.subscriptions;

import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribe form in Chromium: WCAG 2.1 AA by axe-core when empty, on a phone, and
 * with its errors shown after a reader submits a look-alike address.
 */
@GazetteWebTest
class SubscribeBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	MutableClock clock;

	@Autowired
	Stories stories;

	@BeforeEach
	void start() {
		this.clock.set(MutableClock.START.plus(Duration.ofDays(300 + SubscriptionPageTests.DAYS.incrementAndGet())));
		this.stories.topic("Bridges " + SubscriptionFlow.freshEmail("t").substring(2, 10));
	}

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void theFormAndItsErrorsAreAccessible() {
		browser.open("/subscribe");
		assertThat(browser.script("return document.querySelector('main h1').textContent"))
			.isEqualTo("Get stories by email");
		assertNoViolations("/subscribe");

		browser.driver().findElement(By.id("email")).sendKeys("reader@exаmple.gov");
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil((driver) -> !driver.findElements(By.id("email-error")).isEmpty());
		// Chromium sends the look-alike domain as punycode; it is refused all the same.
		assertThat(browser.driver().findElement(By.id("email-error")).getText())
			.startsWith("Enter an email address in plain Latin letters");
		assertThat(browser.driver().findElement(By.id("email")).getAttribute("value")).startsWith("reader@");
		assertNoViolations("/subscribe (with errors)");

		browser.phone();
		browser.open("/subscribe");
		assertNoViolations("/subscribe (phone)");
	}

	private static void assertNoViolations(String page) {
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).withFailMessage(() -> Browser.describe(page, violations)).isEmpty();
	}

}
