package org.gazette.site;

import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official banner and the skip link work as USWDS says, by mouse and by keyboard, in
 * a real browser.
 */
@GazetteWebTest
class BannerAndSkipLinkBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestNewsroom newsroom;

	@BeforeEach
	void reset() {
		this.newsroom.reset();
		browser.open("/");
	}

	@Test
	void theBannerOpensAndClosesByMouse() {
		assertClosed();
		button().click();
		assertOpen();
		button().click();
		assertClosed();
	}

	@Test
	void theBannerOpensAndClosesByKeyboard() {
		focusBannerButtonWithTab();
		press(Keys.ENTER);
		assertOpen();
		press(Keys.ENTER);
		assertClosed();
		press(Keys.SPACE);
		assertOpen();
		press(Keys.SPACE);
		assertClosed();
	}

	@Test
	void theSkipLinkIsTheFirstStopAndMovesFocusToTheMainContent() {
		press(Keys.TAB);
		WebElement first = browser.driver().switchTo().activeElement();
		assertThat(first.getDomAttribute("class")).contains("usa-skipnav");
		assertThat(first.getDomProperty("textContent").strip()).isEqualTo("Skip to main content");
		// Hidden until focused, then slides on screen (a short CSS transition) for
		// sighted
		// keyboard users.
		browser.waitUntil((driver) -> first.isDisplayed());
		press(Keys.ENTER);
		browser.waitUntil((driver) -> script("return document.activeElement.id").equals("main-content"));
		assertThat(script("return document.activeElement.tagName + '#' + document.activeElement.id"))
			.isEqualTo("MAIN#main-content");
	}

	private void focusBannerButtonWithTab() {
		// The skip link comes first; the banner's button must be the next stop, not
		// somewhere later.
		press(Keys.TAB);
		press(Keys.TAB);
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(button());
	}

	private void assertOpen() {
		browser.waitUntil((driver) -> "true".equals(button().getDomAttribute("aria-expanded")));
		browser.waitUntil((driver) -> content().isDisplayed());
		assertThat(content().getText()).contains("Official websites use .gov")
			.contains("Secure .gov websites use HTTPS");
	}

	private void assertClosed() {
		browser.waitUntil((driver) -> "false".equals(button().getDomAttribute("aria-expanded")));
		browser.waitUntil((driver) -> !content().isDisplayed());
		assertThat(content().getDomAttribute("hidden")).isNotNull();
	}

	private WebElement button() {
		return browser.driver().findElement(By.cssSelector(".usa-banner__button"));
	}

	private WebElement content() {
		return browser.driver().findElement(By.id(button().getDomAttribute("aria-controls")));
	}

	private static void press(CharSequence key) {
		new Actions(browser.driver()).sendKeys(key).perform();
	}

	private static Object script(String javascript) {
		return browser.script(javascript);
	}

}
