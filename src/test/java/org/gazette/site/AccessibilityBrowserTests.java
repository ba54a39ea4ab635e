package org.gazette.site;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Rule;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.Takedown;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core finds no WCAG 2.1 A or AA violation on each kind of public page, filled with
 * realistic content (several authors and topics, a full story body, enough stories to
 * paginate), on a desktop and on a phone.
 */
@GazetteWebTest
class AccessibilityBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String STORY = "/news/new-inspection-lanes-open-at-laredo";

	static final String STORY_TITLE = "New Inspection Lanes Open at Laredo";

	static final String WITHDRAWN_TITLE = "Lane Pilot Program Starts";

	/**
	 * A body with every block a story commonly has: headings, a list, a link, a table, a
	 * quote.
	 */
	static final String BODY = """
			The agency opened four inspection lanes at the World Trade Bridge today, cutting expected \
			wait times for commercial trucks by a third.

			## What changes for drivers

			- Two lanes are reserved for trusted traders.
			- Lanes open at 6 a.m. instead of 8 a.m.
			- Drivers can check wait times [on the agency's border wait times page](https://www.example.gov/wait-times).

			### Lane hours

			| Lane | Opens | Closes |
			| --- | --- | --- |
			| 1 and 2 | 6:00 a.m. | 10:00 p.m. |
			| 3 and 4 | 8:00 a.m. | 8:00 p.m. |

			> These lanes were built with the people who cross here every day in mind.
			> We listened to drivers and to the companies that employ them.

			1. Read the lane guide.
			2. Enroll in the trusted trader program.
			""";

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	Stories stories;

	@Autowired
	Publishing publishing;

	@BeforeEach
	void newsroomWithStories() {
		this.newsroom.reset();
		Author jane = this.stories.author("Jane Doe");
		Author ann = this.stories.author("Ann Lee");
		Author carlos = this.stories.author("Carlos Ruiz");
		Topic trade = this.stories.topic("Trade");
		Topic technology = this.stories.topic("Border Technology");
		Topic agriculture = this.stories.topic("Agriculture");
		this.stories.story(STORY_TITLE)
			.slug("new-inspection-lanes-open-at-laredo")
			.dateline("LAREDO, Texas")
			.summary("Four new lanes at the World Trade Bridge cut waits for commercial trucks.")
			.body(BODY)
			.by(jane, ann)
			.about(trade, technology)
			.publish();
		// 29 more, one a day back, so that both the news listing and the news releases
		// alone (25)
		// have a second page, and every kind of story and filter has matches.
		ArticleType[] others = { ArticleType.FEATURE_STORY, ArticleType.ANNOUNCEMENT, ArticleType.STATEMENT };
		Author[] authors = { jane, ann, carlos };
		Topic[] topics = { trade, technology, agriculture };
		for (int n = 1; n <= 29; n++) {
			this.stories.story("Story number " + n + " from the newsroom")
				.type((n % 5 == 0) ? others[n % 3] : ArticleType.NEWS_RELEASE)
				.by(authors[n % 3])
				.about(topics[n % 3])
				.releasedAt(MutableClock.START.minus(Duration.ofDays(n)))
				.publish();
		}
		long withdrawn = this.stories.story(WITHDRAWN_TITLE)
			.slug("withdrawn-story")
			.body(BODY)
			.by(jane)
			.releasedAt(MutableClock.START.minus(Duration.ofDays(40)))
			.publish();
		this.publishing.takeDown(withdrawn, Takedown.withdrawn("The program it describes was cancelled."), "test");
		long gone = this.stories.story("Published in error").slug("gone-story").publish();
		this.publishing.takeDown(gone, Takedown.gone("It was sent to the wrong list."), "test");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("desktopPages")
	void desktopPagesMeetWcag21AA(String path, String heading) {
		browser.open(path);
		assertNoViolations(path, heading);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("phonePages")
	void phonePagesMeetWcag21AA(String path, String heading) {
		browser.phone();
		browser.open(path);
		assertThat(browser.script("return window.innerWidth")).isEqualTo(375L);
		assertNoViolations(path + " at 375px", heading);
	}

	@Test
	void theCheckFindsAViolationPlantedInAPage() {
		// Guards the check itself: an axe-core that ran no rules would pass every page.
		browser.open("/");
		browser.script("document.querySelector('main').append(Object.assign(document.createElement('img'), "
				+ "{src: '/no-such-image.png'}))");
		assertThat(browser.accessibilityViolations()).extracting(Rule::getId).contains("image-alt");
	}

	static Stream<Arguments> desktopPages() {
		return Stream.of(Arguments.of("/", "Newsroom"), Arguments.of("/news", "All news"),
				Arguments.of("/news/page/2", "All news"),
				Arguments.of("/news/types/news-release/page/2", "News releases"),
				Arguments.of("/news?type=news-release&topic=trade&year=2026", "News releases about Trade from 2026"),
				Arguments.of(STORY, STORY_TITLE), Arguments.of("/authors/jane-doe", "Jane Doe"),
				Arguments.of("/topics/trade", "Trade"), Arguments.of("/news/no-such-story", "Page not found"),
				Arguments.of("/news/withdrawn-story", WITHDRAWN_TITLE),
				Arguments.of("/news/gone-story", "This story has been removed"));
	}

	static Stream<Arguments> phonePages() {
		return Stream.of(Arguments.of("/", "Newsroom"), Arguments.of("/news", "All news"),
				Arguments.of(STORY, STORY_TITLE));
	}

	private static void assertNoViolations(String page, String heading) {
		// First make sure the page is the one meant, not an error page that happens to
		// pass.
		assertThat(browser.script("return document.querySelector('main h1').textContent")).isEqualTo(heading);
		List<Rule> violations = browser.accessibilityViolations();
		assertThat(violations).withFailMessage(() -> Browser.describe(page, violations)).isEmpty();
	}

}
