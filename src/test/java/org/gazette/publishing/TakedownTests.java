package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.TestContent;
import org.gazette.content.Topic;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking stories down: what each reason makes the address answer, that every list drops
 * the story, that publishing again brings it back, and what is refused; on H2 and on
 * PostgreSQL.
 */
class TakedownTests {

	private final MutableClock clock = new MutableClock();

	private Databases.Lazy db;

	private Content content;

	private TestPublishing test;

	private Publishing publishing;

	private Newsroom newsroom;

	private Stories stories;

	private Author jane;

	private Topic trade;

	private void open(Databases.Lazy db) {
		this.db = db;
		this.content = TestContent.content(db.get().jdbc(), this.clock);
		this.test = new TestPublishing(db.get().jdbc(), this.content, this.clock);
		this.publishing = this.test.publishing();
		this.newsroom = this.test.newsroom();
		this.stories = new Stories(this.content, this.publishing);
		this.jane = this.stories.author("Jane Doe");
		this.trade = this.stories.topic("Trade");
	}

	private long story(String slug) {
		return this.stories.story("Story " + slug)
			.slug(slug)
			.by(this.jane)
			.about(this.trade)
			.releasedAt(this.clock.instant().minus(Duration.ofDays(1)))
			.publish();
	}

	@DatabaseTest
	void goneAnswers410WithTheExplanationAndDatesAndLeavesEveryList(Databases.Lazy db) {
		open(db);
		long id = story("mistake");
		Instant released = this.clock.instant().minus(Duration.ofDays(1));
		this.clock.advance(Duration.ofHours(1));
		this.publishing.takeDown(id, Takedown.gone("  Sent to the wrong list.\nSorry. "), "publisher@example.gov");

		assertThat(this.newsroom.story("mistake")).isEmpty();
		assertThat(this.newsroom.departure("mistake"))
			.contains(new Departure.Gone("Sent to the wrong list. Sorry.", released, this.clock.instant()));
		assertLeftEveryList(id);
		assertThat(this.publishing.currentTakedown(id)).get().satisfies((record) -> {
			assertThat(record.kind()).isEqualTo(TakedownKind.GONE);
			assertThat(record.takenDownBy()).isEqualTo("publisher@example.gov");
		});
	}

	@DatabaseTest
	void aRedirectSendsReadersToTheGivenAddress(Databases.Lazy db) {
		open(db);
		long id = story("wrong");
		this.publishing.takeDown(id, Takedown.redirectTo("https://www.example.gov/right?x=1"), "publisher");
		assertThat(this.newsroom.departure("wrong"))
			.contains(new Departure.Redirected("https://www.example.gov/right?x=1"));
		assertLeftEveryList(id);
	}

	@DatabaseTest
	void aConsolidatedStorySendsReadersToItsTargetWhereverItLivesAndFollowsOneMoreTakedown(Databases.Lazy db) {
		open(db);
		long first = story("first");
		long second = story("second");
		long third = story("third");
		this.publishing.takeDown(first, Takedown.consolidatedInto("https://news.example.gov/news/second/"), "p");
		assertThat(this.newsroom.departure("first")).contains(new Departure.Moved("second"));
		assertLeftEveryList(first);

		this.content.changeSlug(second, "second-moved", "p");
		assertThat(this.newsroom.departure("first")).contains(new Departure.Moved("second-moved"));

		// The target consolidated in turn: followed once more.
		this.publishing.takeDown(second, Takedown.consolidatedInto("/news/third"), "p");
		assertThat(this.newsroom.departure("first")).contains(new Departure.Moved("third"));
		// The target withdrawn: its address still answers, with the story.
		this.publishing.takeDown(second, Takedown.withdrawn("Out of date."), "p");
		assertThat(this.newsroom.departure("first")).contains(new Departure.Moved("second-moved"));
		// The target redirected: readers go where it goes.
		this.publishing.takeDown(second, Takedown.redirectTo("/news/third"), "p");
		assertThat(this.newsroom.departure("first")).contains(new Departure.Redirected("/news/third"));
		// The target taken down as gone: 410, not a dead end elsewhere.
		this.publishing.takeDown(second, Takedown.gone(null), "p");
		assertThat(this.newsroom.departure("first")).get().isInstanceOf(Departure.Gone.class);
		assertThat(this.newsroom.story("third")).isPresent();
	}

	@DatabaseTest
	void aChainOfConsolidationsIsFollowedOnceMoreThenAnswers410(Databases.Lazy db) {
		open(db);
		long a = story("a");
		long b = story("b");
		long c = story("c");
		story("d");
		this.publishing.takeDown(a, Takedown.consolidatedInto("b"), "p");
		this.publishing.takeDown(b, Takedown.consolidatedInto("c"), "p");
		assertThat(this.newsroom.departure("a")).contains(new Departure.Moved("c"));
		this.publishing.takeDown(c, Takedown.consolidatedInto("d"), "p");
		assertThat(this.newsroom.departure("c")).contains(new Departure.Moved("d"));
		assertThat(this.newsroom.departure("b")).contains(new Departure.Moved("d"));
		assertThat(this.newsroom.departure("a")).get().isInstanceOf(Departure.Gone.class);
		// A target must be public when chosen, so no takedown can point back into a
		// story that is down.
		assertThatThrownBy(() -> this.publishing.takeDown(c, Takedown.consolidatedInto("a"), "p"))
			.isInstanceOf(InvalidContentException.class);
	}

	@DatabaseTest
	void aWithdrawnStoryStaysReadableThroughItsOwnReadPathOnly(Databases.Lazy db) {
		open(db);
		long id = story("withdrawn");
		this.publishing.takeDown(id, Takedown.withdrawn("The program was cancelled."), "publisher");

		assertThat(this.newsroom.story("withdrawn")).isEmpty();
		Departure departure = this.newsroom.departure("withdrawn").orElseThrow();
		assertThat(departure).isInstanceOfSatisfying(Departure.Withdrawn.class, (withdrawn) -> {
			assertThat(withdrawn.reason()).isEqualTo("The program was cancelled.");
			assertThat(withdrawn.withdrawnAt()).isEqualTo(this.clock.instant());
			assertThat(withdrawn.story().title()).isEqualTo("Story withdrawn");
			assertThat(withdrawn.story().bylines()).extracting(Byline::name).containsExactly("Jane Doe");
		});
		assertLeftEveryList(id);
	}

	@DatabaseTest
	void publishingAgainBringsTheStoryBackAndKeepsTheRecord(Databases.Lazy db) {
		open(db);
		long id = story("back");
		this.publishing.takeDown(id, Takedown.withdrawn("Under review."), "publisher");
		this.clock.advance(Duration.ofHours(1));
		this.publishing.takeDown(id, Takedown.gone(null), "publisher");
		assertThat(this.newsroom.departure("back")).get().isInstanceOf(Departure.Gone.class);

		this.publishing.publish(id, null);
		assertThat(this.newsroom.story("back")).isPresent();
		assertThat(this.newsroom.departure("back")).isEmpty();
		assertThat(this.newsroom.list(StoryQuery.ALL, 1, 20).stories()).extracting(StoryCard::id).containsExactly(id);
		assertThat(this.publishing.currentTakedown(id)).isEmpty();
		assertThat(this.db.get()
			.jdbc()
			.sql("select kind from takedown where article_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("withdrawn", "gone");
		// The record cannot be rewritten.
		assertThatThrownBy(() -> this.db.get().jdbc().sql("update takedown set kind = 'gone'").update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThatThrownBy(() -> this.db.get().jdbc().sql("delete from takedown").update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	@DatabaseTest
	void everyTakedownAppendsAChangeEventSoCachesAndSearchDropTheStory(Databases.Lazy db) {
		open(db);
		long id = story("evented");
		this.test.events().clear();
		this.publishing.takeDown(id, Takedown.withdrawn("Old."), "p");
		this.publishing.takeDown(id, Takedown.gone(null), "p");
		this.publishing.unpublish(id);
		assertThat(this.db.get()
			.jdbc()
			.sql("select kind from change_event where subject_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("published", "unpublished", "unpublished", "unpublished");
		assertThat(this.test.events()).hasSize(3)
			.allSatisfy((event) -> assertThat(((PublicContentChanged) event).articleIds()).containsExactly(id));
		assertThat(this.newsroom.indexable(List.of(id))).isEmpty();
	}

	@DatabaseTest
	void unpublishIsGoneWithoutExplanation(Databases.Lazy db) {
		open(db);
		long id = story("plain");
		this.publishing.unpublish(id);
		assertThat(this.newsroom.departure("plain")).get()
			.isInstanceOfSatisfying(Departure.Gone.class, (gone) -> assertThat(gone.explanation()).isNull());
		assertThat(this.publishing.currentTakedown(id)).get()
			.extracting(TakedownRecord::takenDownBy)
			.isEqualTo("system");
	}

	@DatabaseTest
	void aStoryTakenDownBeforeItsReleaseWasNeverPublicAndAnswersNothing(Databases.Lazy db) {
		open(db);
		Instant release = this.clock.instant().plus(Duration.ofHours(2));
		long id = this.stories.story("Embargoed").slug("embargoed").releasedAt(release).publish();
		this.publishing.takeDown(id, Takedown.withdrawn("Called off."), "p");
		this.clock.set(release.plus(Duration.ofDays(1)));
		assertThat(this.newsroom.story("embargoed")).isEmpty();
		assertThat(this.newsroom.departure("embargoed")).isEmpty();
		// Taking it down again later does not make it public history either.
		this.publishing.takeDown(id, Takedown.gone("Never mind."), "p");
		assertThat(this.newsroom.departure("embargoed")).isEmpty();
	}

	@DatabaseTest
	void badTakedownsAreRefusedWithEveryProblemAndNothingWritten(Databases.Lazy db) {
		open(db);
		long id = story("target-source");
		story("public-one");
		this.stories.story("A draft").slug("a-draft").draft();
		long neverPublished = this.stories.story("Never").slug("never").draft();

		assertRefused(id, new Takedown(null, null, null, null), "kind", "Choose why the story is coming down.");
		assertRefused(id, Takedown.withdrawn("  "), "reason",
				"Reason for withdrawal is required: readers see it with the story.");
		assertRefused(id, Takedown.withdrawn("x".repeat(1001)), "reason",
				"Reason for withdrawal is longer than 1000 characters.");
		assertRefused(id, Takedown.gone("bell\u0007"), "explanation",
				"Explanation contains control characters; type it as plain text.");
		assertRefused(id, Takedown.gone("y".repeat(1001)), "explanation",
				"Explanation is longer than 1000 characters.");
		String wrong = "New address must be a page on this site starting with / (as in /news/new-lanes-open)"
				+ " or a full address starting with https:// or http://.";
		assertRefused(id, Takedown.redirectTo(null), "redirectUrl", "New address is required.");
		assertRefused(id, Takedown.redirectTo("javascript:alert(1)"), "redirectUrl", wrong);
		assertRefused(id, Takedown.redirectTo("//evil.example.com/x"), "redirectUrl", wrong);
		assertRefused(id, Takedown.redirectTo("ftp://files.example.gov/x"), "redirectUrl", wrong);
		assertRefused(id, Takedown.redirectTo("https:///nohost"), "redirectUrl", wrong);
		assertRefused(id, Takedown.redirectTo("news/relative"), "redirectUrl", wrong);
		assertRefused(id, Takedown.redirectTo("https://user:pw@example.gov/"), "redirectUrl",
				"New address must not contain a user name or password.");
		assertRefused(id, Takedown.redirectTo("/news/with space"), "redirectUrl",
				"New address must not contain spaces or special characters; write them %-encoded, as a browser's address bar shows them.");
		assertRefused(id, Takedown.redirectTo("/\\evil.example.com"), "redirectUrl",
				"New address must not contain spaces or special characters; write them %-encoded, as a browser's address bar shows them.");
		assertRefused(id, Takedown.redirectTo("https://example.gov/" + "a".repeat(2000)), "redirectUrl",
				"New address is longer than 2000 characters.");
		assertRefused(id, Takedown.redirectTo("/news/target-source/"), "redirectUrl",
				"The new address is this story's own: readers would go round in circles.");
		assertRefused(id, Takedown.consolidatedInto(""), "target",
				"Enter the address of the story it was merged into, as in /news/new-lanes-open.");
		assertRefused(id, Takedown.consolidatedInto("/news/Not A Slug"), "target",
				"Enter the story's address as it appears on the site, as in /news/new-lanes-open.");
		assertRefused(id, Takedown.consolidatedInto("no-such-story"), "target",
				"There is no public story at /news/no-such-story. Choose a story readers can see now.");
		assertRefused(id, Takedown.consolidatedInto("a-draft"), "target",
				"There is no public story at /news/a-draft. Choose a story readers can see now.");
		assertRefused(id, Takedown.consolidatedInto("/news/target-source"), "target",
				"A story cannot be consolidated into itself. Choose another story.");
		assertThatThrownBy(() -> this.publishing.takeDown(neverPublished, Takedown.gone(null), "p"))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.problems())
				.containsExactly("This story has never been published, so there is nothing to take down."));
		assertThatThrownBy(() -> this.publishing.takeDown(404_404, Takedown.gone(null), "p"))
			.isInstanceOf(org.gazette.content.UnknownContentException.class);

		assertThat(this.newsroom.story("target-source")).isPresent();
		assertThat(this.db.get().jdbc().sql("select count(*) from takedown").query(Long.class).single()).isZero();
		assertThat(this.db.get()
			.jdbc()
			.sql("select count(*) from change_event where kind = 'unpublished'")
			.query(Long.class)
			.single()).isZero();
		// Only the field of the reason chosen is read.
		this.publishing.takeDown(id, new Takedown(TakedownKind.GONE, null, "javascript:bad", "nothing"), "p");
		assertThat(this.publishing.currentTakedown(id)).get().satisfies((record) -> {
			assertThat(record.redirectUrl()).isNull();
			assertThat(record.targetArticleId()).isNull();
		});
	}

	private void assertRefused(long id, Takedown takedown, String field, String message) {
		assertThatThrownBy(() -> this.publishing.takeDown(id, takedown, "p")).as(field + ": " + message)
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsExactly(java.util.Map.entry(field, List.of(message))));
	}

	/** Out of every listing, feed, sitemap, search index batch and API list. */
	private void assertLeftEveryList(long id) {
		assertThat(this.newsroom.list(StoryQuery.ALL, 1, 50).stories()).extracting(StoryCard::id).doesNotContain(id);
		assertThat(this.newsroom.list(StoryQuery.byAuthor(this.jane.id()), 1, 50).stories()).extracting(StoryCard::id)
			.doesNotContain(id);
		assertThat(this.newsroom.list(StoryQuery.byTopic(this.trade.id()), 1, 50).stories()).extracting(StoryCard::id)
			.doesNotContain(id);
		assertThat(this.newsroom.latest(50)).extracting(StoryCard::id).doesNotContain(id);
		assertThat(this.newsroom.latestInFull(StoryQuery.ALL, 50)).extracting(IndexableStory::id).doesNotContain(id);
		assertThat(this.newsroom.listAfter(StoryQuery.ALL, null, 50)).extracting(StoryCard::id).doesNotContain(id);
		assertThat(this.newsroom.stamps(0, 100)).extracting(PublicStamp::id).doesNotContain(id);
		assertThat(this.newsroom.indexable(0, 100)).extracting(IndexableStory::id).doesNotContain(id);
	}

}
