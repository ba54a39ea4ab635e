package org.gazette.site;

import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search as a reader uses it, in Chromium: typing in the header's search box, narrowing
 * with a facet, paging through results; and axe-core finds no WCAG 2.1 A or AA violation
 * on the results page, the page with no results, or the page for a malformed filter.
 */
@GazetteWebTest
class SearchBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	/** Matching stories: three pages of ten. */
	static final int HARBOR_STORIES = 23;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	Stories stories;

	@BeforeEach
	void newsroomWithHarborStories() {
		this.newsroom.reset();
		Author jane = this.stories.author("Jane Doe");
		Author ann = this.stories.author("Ann Lee");
		Topic trade = this.stories.topic("Trade");
		Topic travel = this.stories.topic("Travel");
		// One a day back, every fifth a feature story, so the "Feature story" facet has a
		// count (4) smaller than the total and the pages have a fixed order when sorted
		// by
		// date.
		for (int n = 1; n <= HARBOR_STORIES; n++) {
			this.stories.story("Harbor report number " + n)
				.type((n % 5 == 0) ? ArticleType.FEATURE_STORY : ArticleType.NEWS_RELEASE)
				.summary("Ships, cranes and cargo at the harbor, week " + n + ".")
				.body("The harbor handled more containers this week. Crews worked through the night.")
				.by((n % 2 == 0) ? jane : ann)
				.about((n % 3 == 0) ? travel : trade)
				.releasedAt(MutableClock.START.minus(Duration.ofDays(n)))
				.publish();
		}
		this.stories.story("Ferry Schedule Changes for the Holidays")
			.body("Ferries run less often over the holidays.")
			.about(travel)
			.releasedAt(MutableClock.START.minus(Duration.ofDays(2)))
			.publish();
	}

	@Test
	void theHeaderSearchBoxLeadsToTheResults() {
		browser.open("/");
		WebElement box = browser.driver().findElement(By.cssSelector("header form[role=search] input[name=q]"));
		box.sendKeys("Harbor");
		box.sendKeys(Keys.ENTER);
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("/search?q=Harbor"));
		assertThat(text("main h1")).isEqualTo("Search results for “Harbor”");
		assertThat(browser.driver().findElement(By.id("search-query")).getAttribute("value")).isEqualTo("Harbor");
		assertThat(titles()).hasSize(10).allMatch((title) -> title.startsWith("Harbor report number "));
		assertThat(text("#result-summary")).isEqualTo("Showing 1–10 of 23 results");
		assertThat(browser.driver().findElements(By.cssSelector("#search-results mark"))).isNotEmpty();
	}

	@Test
	void aFacetLinkNarrowsTheResultsAndCanBeRemoved() {
		browser.open("/search?q=harbor");
		WebElement feature = browser.driver()
			.findElement(By.xpath("//ul[contains(@class,'gazette-facet')]//a[normalize-space()='Feature story']"));
		assertThat(feature.findElement(By.xpath("..")).getText()).isEqualTo("Feature story (4)");
		feature.click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("type=feature-story"));
		assertThat(titles()).containsExactlyInAnyOrder("Harbor report number 5", "Harbor report number 10",
				"Harbor report number 15", "Harbor report number 20");
		assertThat(text("#result-summary")).isEqualTo("Showing 1–4 of 4 results");
		assertThat(browser.driver().findElements(By.cssSelector("nav.usa-pagination"))).as("one page, no pagination")
			.isEmpty();

		browser.driver().findElement(By.cssSelector(".gazette-active-filters a")).click();
		browser.waitUntil((driver) -> !driver.getCurrentUrl().contains("type="));
		assertThat(text("#result-summary")).isEqualTo("Showing 1–10 of 23 results");
	}

	@Test
	void pagesThroughTheResults() {
		// Newest first: one story a day back, so each page's stories are known.
		browser.open("/search?q=harbor&sort=newest");
		assertThat(titles()).first().isEqualTo("Harbor report number 1");
		browser.driver().findElement(By.cssSelector("a.usa-pagination__next-page")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("page=2"));
		assertThat(text("#result-summary")).isEqualTo("Showing 11–20 of 23 results");
		assertThat(titles()).first().isEqualTo("Harbor report number 11");
		browser.driver().findElement(By.cssSelector("a.usa-pagination__button[aria-label='Page 3']")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("page=3"));
		assertThat(titles()).containsExactly("Harbor report number 21", "Harbor report number 22",
				"Harbor report number 23");
		assertThat(browser.driver().findElements(By.cssSelector("a.usa-pagination__next-page")))
			.as("no next page after the last")
			.isEmpty();
		browser.driver().findElement(By.cssSelector("a.usa-pagination__previous-page")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("page=2"));
		assertThat(text("#result-summary")).isEqualTo("Showing 11–20 of 23 results");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/search?q=harbor                          | Search results for “harbor”
			/search?q=harbor&type=feature-story       | Search results for “harbor”
			/search?q=harbor&sort=newest&page=3       | Search results for “harbor”
			/search?q=harbr                           | Search results for “harbr”
			/search?q=zzzzqqq                         | Search results for “zzzzqqq”
			/search                                   | Search
			/search?q=x&page=0                        | We could not understand that request
			/search?q=harbor&year=99                  | We could not understand that request
			""")
	void searchPagesMeetWcag21AA(String path, String heading) {
		browser.open(path);
		// First make sure the page is the one meant, not another page that happens to
		// pass.
		assertThat(text("main h1")).isEqualTo(heading);
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).withFailMessage(() -> Browser.describe(path, violations)).isEmpty();
	}

	@Test
	void theNoResultsPageSaysSoAndTheMisspelledOneSuggests() {
		browser.open("/search?q=zzzzqqq");
		assertThat(text(".usa-alert__text")).startsWith("No stories match your search.");
		browser.open("/search?q=harbr");
		assertThat(text(".gazette-suggestion")).isEqualTo("Did you mean harbor?");
		browser.driver().findElement(By.cssSelector(".gazette-suggestion a")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("q=harbor"));
		assertThat(text("#result-summary")).isEqualTo("Showing 1–10 of 23 results");
	}

	private static String text(String css) {
		return browser.driver().findElement(By.cssSelector(css)).getText();
	}

	private static List<String> titles() {
		return browser.driver()
			.findElements(By.cssSelector("#search-results .gazette-story-title"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
