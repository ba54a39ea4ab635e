package org.gazette.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gazette.publishing.TestPublishing;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin article list: search, filters, status, sort and pages, on H2 and PostgreSQL.
 */
class ArticleListTests {

	private final MutableClock clock = new MutableClock();

	private Content content;

	private TestPublishing publishing;

	private Stories stories;

	private void open(Databases.Lazy db) {
		this.content = TestContent.content(db.get().jdbc(), this.clock);
		this.publishing = new TestPublishing(db.get().jdbc(), this.content, this.clock);
		this.stories = new Stories(this.content, this.publishing.publishing());
	}

	@DatabaseTest
	void listsEveryStoryMostRecentlySavedFirstWithItsStatus(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Author ann = this.stories.author("Ann Lee");
		Instant now = this.clock.instant();
		long draft = this.stories.story("A draft").by(ann, jane).draft();
		tick();
		long scheduled = this.stories.story("Scheduled")
			.type(ArticleType.STATEMENT)
			.releasedAt(now.plus(Duration.ofDays(1)))
			.publish();
		tick();
		long published = this.stories.story("Published").releasedAt(now.minus(Duration.ofDays(3))).publish();
		tick();
		long unpublished = this.stories.story("Withdrawn").publish();
		this.publishing.publishing().unpublish(unpublished);
		tick();
		this.content.revise(draft, 1, this.content.workingRevision(draft).orElseThrow().toDraft(), "chief");

		ArticleList list = this.content.findArticles(ArticleFilter.ALL);
		assertThat(list.total()).isEqualTo(4);
		assertThat(list.articles()).extracting(ArticleListing::id)
			.containsExactly(draft, unpublished, published, scheduled);
		assertThat(list.articles()).extracting(ArticleListing::status)
			.containsExactly(ArticleStatus.DRAFT, ArticleStatus.UNPUBLISHED, ArticleStatus.PUBLISHED,
					ArticleStatus.SCHEDULED);
		ArticleListing first = list.articles().get(0);
		assertThat(first.title()).isEqualTo("A draft");
		assertThat(first.slug()).isEqualTo("a-draft");
		assertThat(first.type()).isEqualTo(ArticleType.NEWS_RELEASE);
		assertThat(first.authors()).containsExactly("Ann Lee", "Jane Doe");
		assertThat(first.updatedBy()).isEqualTo("chief");
		assertThat(first.updatedAt()).isEqualTo(this.clock.instant());
		assertThat(first.releaseAt()).isNull();
		assertThat(list.articles().get(3).releaseAt()).isEqualTo(now.plus(Duration.ofDays(1)));

		assertThat(ids(filter(null, null, null, null, ArticleStatus.SCHEDULED))).containsExactly(scheduled);
		assertThat(ids(filter(null, null, null, null, ArticleStatus.PUBLISHED))).containsExactly(published);
		assertThat(ids(filter(null, null, null, null, ArticleStatus.DRAFT))).containsExactly(draft);
		assertThat(ids(filter(null, null, null, null, ArticleStatus.UNPUBLISHED))).containsExactly(unpublished);
		// The clock passes the embargo: scheduled becomes published, with no job run.
		this.clock.set(now.plus(Duration.ofDays(1)));
		assertThat(ids(filter(null, null, null, null, ArticleStatus.SCHEDULED))).isEmpty();
		assertThat(ids(filter(null, null, null, null, ArticleStatus.PUBLISHED))).containsExactly(published, scheduled);
	}

	@DatabaseTest
	void searchesTitlesAndFiltersByTypeTopicAndAuthor(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Author duplicate = this.content.createAuthor(new NewAuthor("j-doe", "J. Doe", null, null));
		Topic trade = this.stories.topic("Trade");
		Topic commerce = this.stories.topic("Commerce");
		long lanes = this.stories.story("New Lanes Open at Laredo").by(jane).about(trade).draft();
		tick();
		long percent = this.stories.story("Exports up 100% in May_2026")
			.type(ArticleType.STATEMENT)
			.by(duplicate)
			.about(commerce)
			.draft();
		tick();
		long other = this.stories.story("Ports reopen").type(ArticleType.STATEMENT).draft();

		assertThat(ids(filter("lanes", null, null, null, null))).containsExactly(lanes);
		assertThat(ids(filter("  LAREDO ", null, null, null, null))).containsExactly(lanes);
		// LIKE wildcards in the search are plain characters.
		assertThat(ids(filter("100%", null, null, null, null))).containsExactly(percent);
		assertThat(ids(filter("y_2", null, null, null, null))).containsExactly(percent);
		assertThat(ids(filter("%", null, null, null, null))).containsExactly(percent);
		assertThat(ids(filter("_", null, null, null, null))).containsExactly(percent);
		assertThat(ids(filter("nothing like it", null, null, null, null))).isEmpty();
		assertThat(ids(filter(" ", null, null, null, null))).containsExactly(other, percent, lanes);

		assertThat(ids(filter(null, ArticleType.STATEMENT, null, null, null))).containsExactly(other, percent);
		assertThat(ids(filter(null, null, trade.id(), null, null))).containsExactly(lanes);
		assertThat(ids(filter(null, null, null, duplicate.id(), null))).containsExactly(percent);
		assertThat(ids(filter(null, ArticleType.STATEMENT, commerce.id(), duplicate.id(), null)))
			.containsExactly(percent);
		assertThat(ids(filter("reopen", ArticleType.STATEMENT, commerce.id(), null, null))).isEmpty();
		assertThat(ids(filter(null, null, 404L, null, null))).isEmpty();
		assertThat(ids(filter(null, null, null, 404L, null))).isEmpty();

		// After a merge the survivor's filter finds the duplicate's stories, shown under
		// the survivor's name; a story by both, about both, is listed and counted once.
		tick();
		long both = this.stories.story("Trade and commerce").by(jane, duplicate).about(trade, commerce).draft();
		this.content.mergeAuthor(duplicate.id(), jane.id());
		this.content.mergeTopic(commerce.id(), trade.id());
		assertThat(ids(filter(null, null, null, jane.id(), null))).containsExactly(both, percent, lanes);
		assertThat(ids(filter(null, null, trade.id(), null, null))).containsExactly(both, percent, lanes);
		ArticleList merged = this.content.findArticles(filter(null, null, trade.id(), jane.id(), null));
		assertThat(merged.articles()).extracting(ArticleListing::id).containsExactly(both, percent, lanes);
		assertThat(merged.total()).as("joined to two links each, counted once").isEqualTo(3);
		assertThat(merged.moreThanTotal()).isFalse();
		assertThat(this.content.findArticles(filter(null, null, trade.id(), jane.id(), null).page(9)).total())
			.as("the exact count past the end")
			.isEqualTo(3);
		assertThat(this.content.findArticles(filter("exports", null, null, null, null)).articles().get(0).authors())
			.containsExactly("Jane Doe");
	}

	@DatabaseTest
	void sortsByTitleAndByReleaseAndPagesThroughTwentyFiveAtATime(Databases.Lazy db) {
		open(db);
		Instant now = this.clock.instant();
		long draft = this.stories.story("b draft").draft();
		long old = this.stories.story("C old").releasedAt(now.minus(Duration.ofDays(9))).publish();
		long future = this.stories.story("a future").releasedAt(now.plus(Duration.ofDays(9))).publish();
		assertThat(ids(sorted(ArticleSort.TITLE))).containsExactly(future, draft, old);
		assertThat(ids(sorted(ArticleSort.RELEASE))).containsExactly(future, old, draft);

		for (int i = 0; i < 27; i++) {
			tick();
			this.stories.story(String.format("Story %02d", i)).draft();
		}
		ArticleList first = this.content.findArticles(ArticleFilter.ALL);
		ArticleList second = this.content.findArticles(ArticleFilter.ALL.page(2));
		assertThat(first.total()).isEqualTo(30);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.pageSize()).isEqualTo(ArticleFilter.PAGE_SIZE);
		assertThat(first.articles()).hasSize(25);
		assertThat(first.articles().get(0).title()).isEqualTo("Story 26");
		assertThat(second.page()).isEqualTo(2);
		assertThat(second.articles()).extracting(ArticleListing::title)
			.containsExactly("Story 01", "Story 00", "a future", "C old", "b draft");
		assertThat(this.content.findArticles(ArticleFilter.ALL.page(3)).articles()).isEmpty();
		assertThat(this.content.findArticles(ArticleFilter.ALL.page(3)).total()).isEqualTo(30);
		assertThat(this.content.findArticles(ArticleFilter.ALL.page(-4)).page()).isEqualTo(1);
		assertThat(this.content.findArticles(filter("nothing", null, null, null, null)).pages()).isEqualTo(1);
		assertThat(first.moreThanTotal()).isFalse();
		assertThat(first.hasNext()).isTrue();
		assertThat(second.hasNext()).isFalse();
	}

	@DatabaseTest
	void aLongListIsCountedOnlyAFewPagesAheadYetPagedToItsEnd(Databases.Lazy db) {
		open(db);
		for (int i = 0; i < 80; i++) {
			tick();
			this.stories.story(String.format("Story %02d", i)).draft();
		}
		// Counting one page: eighty stories are "more than 25" on the first page (this
		// page is full and something follows it).
		ArticleList first = this.content.findArticles(ArticleFilter.ALL, 1);
		assertThat(first.total()).isEqualTo(25);
		assertThat(first.moreThanTotal()).isTrue();
		assertThat(first.pages()).isEqualTo(1);
		assertThat(first.hasNext()).isTrue();
		assertThat(first.articles()).hasSize(25);
		ArticleList ahead = this.content.findArticles(ArticleFilter.ALL, 2);
		assertThat(ahead.total()).as("two pages from the first").isEqualTo(50);
		assertThat(ahead.moreThanTotal()).isTrue();
		assertThat(ahead.pages()).isEqualTo(2);
		ArticleList second = this.content.findArticles(ArticleFilter.ALL.page(2), 1);
		assertThat(second.total()).as("counted from the second page's first row").isEqualTo(50);
		assertThat(second.moreThanTotal()).isTrue();
		assertThat(second.articles().get(0).title()).isEqualTo("Story 54");
		ArticleList third = this.content.findArticles(ArticleFilter.ALL.page(3), 2);
		assertThat(third.total()).as("the rest fits in the two pages counted: exact").isEqualTo(80);
		assertThat(third.moreThanTotal()).isFalse();
		assertThat(third.pages()).isEqualTo(4);
		assertThat(third.hasNext()).isTrue();
		ArticleList last = this.content.findArticles(ArticleFilter.ALL.page(4), 1);
		assertThat(last.articles()).extracting(ArticleListing::title)
			.containsExactly("Story 04", "Story 03", "Story 02", "Story 01", "Story 00");
		assertThat(last.total()).isEqualTo(80);
		assertThat(last.moreThanTotal()).isFalse();
		assertThat(last.hasNext()).isFalse();
		ArticleList beyond = this.content.findArticles(ArticleFilter.ALL.page(9), 1);
		assertThat(beyond.articles()).isEmpty();
		assertThat(beyond.total()).as("past the end the count is exact, to name the last page").isEqualTo(80);
		assertThat(beyond.moreThanTotal()).isFalse();
		ArticleList all = this.content.findArticles(ArticleFilter.ALL.page(Integer.MAX_VALUE), 1);
		assertThat(all.total()).as("how the merge pages count a topic's or author's stories").isEqualTo(80);
		assertThat(all.moreThanTotal()).isFalse();
		ArticleList fewer = this.content.findArticles(filter("story 2", null, null, null, null), 1);
		assertThat(fewer.total()).as("fewer than the pages counted: exact").isEqualTo(10);
		assertThat(fewer.moreThanTotal()).isFalse();
		ArticleList filtered = this.content.findArticles(
				new ArticleFilter("story", null, null, null, ArticleStatus.DRAFT, null, 2), ArticleFilter.PAGES_AHEAD);
		assertThat(filtered.total()).as("ten pages ahead of the second hold every match").isEqualTo(80);
		assertThat(filtered.moreThanTotal()).isFalse();
	}

	private void tick() {
		this.clock.advance(Duration.ofMinutes(1));
	}

	private List<Long> ids(ArticleFilter filter) {
		return this.content.findArticles(filter).articles().stream().map(ArticleListing::id).toList();
	}

	private static ArticleFilter filter(String title, ArticleType type, Long topicId, Long authorId,
			ArticleStatus status) {
		return new ArticleFilter(title, type, topicId, authorId, status, null, 1);
	}

	private static ArticleFilter sorted(ArticleSort sort) {
		return new ArticleFilter(null, null, null, null, null, sort, 1);
	}

}
