package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.RevisionDraft;
import org.gazette.content.TestContent;
import org.gazette.content.Topic;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import static org.assertj.core.api.Assertions.assertThat;

/** The public read paths and the visibility rule, on H2 and on PostgreSQL. */
class NewsroomTests {

	private final MutableClock clock = new MutableClock();

	private Content content;

	private TestPublishing publishing;

	private Stories stories;

	private Newsroom newsroom;

	private void open(Databases.Lazy db) {
		this.content = TestContent.content(db.get().jdbc(), this.clock);
		this.publishing = new TestPublishing(db.get().jdbc(), this.content, this.clock);
		this.stories = new Stories(this.content, this.publishing.publishing());
		this.newsroom = this.publishing.newsroom();
	}

	@DatabaseTest
	void listsPublicStoriesNewestFirstWithBylinesInOrder(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Author ann = this.stories.author("Ann Lee");
		Instant now = this.clock.instant();
		this.stories.story("Oldest").by(jane).releasedAt(now.minus(Duration.ofDays(3))).publish();
		this.stories.story("Newest").by(ann, jane).releasedAt(now.minus(Duration.ofHours(1))).publish();
		this.stories.story("Middle").releasedAt(now.minus(Duration.ofDays(2))).publish();

		StoryList list = this.newsroom.list(StoryQuery.ALL, 1, 20);
		assertThat(list.stories()).extracting(StoryCard::title).containsExactly("Newest", "Middle", "Oldest");
		assertThat(list.stories().get(0).bylines()).extracting(Byline::name).containsExactly("Ann Lee", "Jane Doe");
		assertThat(list.stories().get(1).bylines()).isEmpty();
		assertThat(list.total()).isEqualTo(3);
		assertThat(this.newsroom.latest(2)).extracting(StoryCard::title).containsExactly("Newest", "Middle");
	}

	@DatabaseTest
	void draftsScheduledAndUnpublishedStoriesAreNotPublic(Databases.Lazy db) {
		open(db);
		Instant release = this.clock.instant().plus(Duration.ofHours(2));
		this.stories.story("Draft").slug("draft").draft();
		long scheduled = this.stories.story("Embargoed").slug("embargoed").releasedAt(release).publish();
		long withdrawn = this.stories.story("Withdrawn").slug("withdrawn").publish();
		this.publishing.publishing().unpublish(withdrawn);

		assertThat(this.newsroom.list(StoryQuery.ALL, 1, 20).stories()).isEmpty();
		assertThat(this.newsroom.story("draft")).isEmpty();
		assertThat(this.newsroom.story("embargoed")).isEmpty();
		assertThat(this.newsroom.story("withdrawn")).isEmpty();
		assertThat(this.newsroom.nextRelease()).contains(release);

		this.clock.set(release.minusMillis(1));
		assertThat(this.newsroom.story("embargoed")).isEmpty();
		this.clock.set(release);
		assertThat(this.newsroom.story("embargoed")).get().extracting(PublicStory::id).isEqualTo(scheduled);
		assertThat(this.newsroom.list(StoryQuery.ALL, 1, 20).stories()).extracting(StoryCard::title)
			.containsExactly("Embargoed");
		assertThat(this.newsroom.nextRelease()).isEmpty();
	}

	@DatabaseTest
	void aPublishedStoryKeepsServingItsPublishedRevisionWhileANewDraftIsEdited(Databases.Lazy db) {
		open(db);
		Instant released = this.clock.instant().minus(Duration.ofDays(1));
		long id = this.stories.story("Published title")
			.slug("story")
			.body("Published body.")
			.releasedAt(released)
			.publish();
		this.content.revise(id, new RevisionDraft(ArticleType.NEWS_RELEASE, "Draft title", "Draft summary.", null,
				"Draft body.", List.of(), List.of(), ChangeKind.MAJOR, "Corrected the figures."), "editor");

		PublicStory story = this.newsroom.story("story").orElseThrow();
		assertThat(story.title()).isEqualTo("Published title");
		assertThat(story.bodyHtml()).contains("Published body.");
		assertThat(story.updatedAfterRelease()).isFalse();

		this.clock.advance(Duration.ofHours(1));
		this.publishing.publishing().publish(id, null);
		PublicStory updated = this.newsroom.story("story").orElseThrow();
		assertThat(updated.title()).isEqualTo("Draft title");
		assertThat(updated.releaseAt()).isEqualTo(released);
		assertThat(updated.lastPublicUpdateAt()).isEqualTo(this.clock.instant());
		assertThat(updated.updatedAfterRelease()).isTrue();
	}

	@DatabaseTest
	void filtersByTypeTopicAuthorAndReleaseDates(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Topic trade = this.stories.topic("Trade");
		Topic travel = this.stories.topic("Travel");
		Instant now = this.clock.instant();
		this.stories.story("Trade release")
			.type(ArticleType.NEWS_RELEASE)
			.about(trade)
			.by(jane)
			.releasedAt(now.minus(Duration.ofDays(400)))
			.publish();
		this.stories.story("Travel feature")
			.type(ArticleType.FEATURE_STORY)
			.about(travel, trade)
			.releasedAt(now.minus(Duration.ofDays(10)))
			.publish();
		this.stories.story("Statement")
			.type(ArticleType.STATEMENT)
			.by(jane)
			.releasedAt(now.minus(Duration.ofDays(1)))
			.publish();

		assertThat(titles(new StoryQuery(ArticleType.FEATURE_STORY, null, null, null, null)))
			.containsExactly("Travel feature");
		assertThat(titles(StoryQuery.byTopic(trade.id()))).containsExactly("Travel feature", "Trade release");
		assertThat(titles(StoryQuery.byAuthor(jane.id()))).containsExactly("Statement", "Trade release");
		assertThat(titles(new StoryQuery(null, trade.id(), jane.id(), null, null))).containsExactly("Trade release");
		assertThat(titles(new StoryQuery(null, null, null, now.minus(Duration.ofDays(30)), now)))
			.containsExactly("Statement", "Travel feature");
		assertThat(titles(new StoryQuery(ArticleType.ANNOUNCEMENT, null, null, null, null))).isEmpty();
		assertThat(this.newsroom.releaseSpan()).get()
			.isEqualTo(new ReleaseSpan(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));
	}

	@DatabaseTest
	void listingsReadOnceSelectWhatEachListingQuerySelects(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Author janeAgain = this.stories.author("J. Doe");
		Topic trade = this.stories.topic("Trade");
		Topic commerce = this.stories.topic("Commerce");
		Topic travel = this.stories.topic("Travel");
		Instant now = this.clock.instant();
		Instant sameInstant = now.minus(Duration.ofDays(5));
		this.stories.story("Trade release")
			.type(ArticleType.NEWS_RELEASE)
			.about(trade)
			.by(jane)
			.releasedAt(now.minus(Duration.ofDays(400)))
			.publish();
		this.stories.story("Commerce feature")
			.type(ArticleType.FEATURE_STORY)
			.about(commerce, travel)
			.by(janeAgain)
			.releasedAt(sameInstant)
			.publish();
		this.stories.story("Twin").about(travel).releasedAt(sameInstant).publish();
		this.stories.story("Statement").type(ArticleType.STATEMENT).by(jane, janeAgain).releasedAt(now).publish();
		this.stories.story("Embargoed").about(trade).by(jane).releasedAt(now.plus(Duration.ofHours(1))).publish();
		long withdrawn = this.stories.story("Withdrawn").about(trade).by(jane).publish();
		this.publishing.publishing().unpublish(withdrawn);
		this.stories.story("Draft").about(trade).by(jane).draft();
		// Duplicates merged into survivors: their stories show under both.
		this.content.mergeTopic(commerce.id(), trade.id());
		this.content.mergeAuthor(janeAgain.id(), jane.id());

		Listings listings = this.newsroom.listings();
		List<StoryQuery> queries = new java.util.ArrayList<>(List.of(StoryQuery.ALL, StoryQuery.byTopic(trade.id()),
				StoryQuery.byTopic(commerce.id()), StoryQuery.byTopic(travel.id()), StoryQuery.byAuthor(jane.id()),
				StoryQuery.byAuthor(janeAgain.id()), new StoryQuery(null, trade.id(), jane.id(), null, null),
				new StoryQuery(null, null, null, sameInstant, now),
				new StoryQuery(null, null, null, sameInstant, sameInstant.plusMillis(1)),
				new StoryQuery(ArticleType.ANNOUNCEMENT, travel.id(), null, null, null)));
		for (ArticleType type : ArticleType.values()) {
			queries.add(new StoryQuery(type, null, null, null, null));
		}
		for (StoryQuery query : queries) {
			assertThat(listings.ids(query)).as(query.toString()).isEqualTo(this.newsroom.ids(query));
			assertThat(listings.latest(query, 2)).as(query.toString())
				.isEqualTo(this.newsroom.latestInFull(query, 2).stream().map(IndexableStory::id).toList());
		}
		assertThat(titles(StoryQuery.byTopic(trade.id()))).containsExactly("Commerce feature", "Trade release");
		assertThat(listings.ids(StoryQuery.ALL)).hasSize(4);
		assertThat(this.newsroom.inFull(listings.ids(StoryQuery.byAuthor(jane.id())))).extracting(IndexableStory::title)
			.containsExactly("Statement", "Commerce feature", "Trade release");
	}

	@DatabaseTest
	void paginatesWithStableOrderForEqualReleaseInstants(Databases.Lazy db) {
		open(db);
		Instant release = this.clock.instant().minus(Duration.ofDays(1));
		for (int i = 1; i <= 45; i++) {
			this.stories.story("Story " + i).releasedAt(release).publish();
		}
		StoryList first = this.newsroom.list(StoryQuery.ALL, 1, 20);
		StoryList third = this.newsroom.list(StoryQuery.ALL, 3, 20);
		StoryList beyond = this.newsroom.list(StoryQuery.ALL, 4, 20);
		assertThat(first.stories()).hasSize(20);
		assertThat(first.stories().get(0).title()).isEqualTo("Story 45");
		assertThat(third.stories()).extracting(StoryCard::title)
			.containsExactly("Story 5", "Story 4", "Story 3", "Story 2", "Story 1");
		assertThat(first.pageCount()).isEqualTo(3);
		assertThat(beyond.stories()).isEmpty();
		assertThat(beyond.total()).isEqualTo(45);
	}

	@DatabaseTest
	void everyPublicChangeAppendsAChangeEventAndTellsThisNode(Databases.Lazy db) {
		open(db);
		long id = this.stories.story("Story").publish();
		this.publishing.publishing().unpublish(id);
		List<String> kinds = db.get()
			.jdbc()
			.sql("select kind from change_event order by id")
			.query(String.class)
			.list();
		assertThat(kinds).containsExactly("published", "unpublished");
		assertThat(this.publishing.events()).hasSize(2).allMatch((event) -> event instanceof PublicContentChanged);
		List<String> publications = db.get()
			.jdbc()
			.sql("select change_kind from publication")
			.query(String.class)
			.list();
		assertThat(publications).containsExactly("major");
	}

	private List<String> titles(StoryQuery query) {
		return this.newsroom.list(query, 1, 20).stories().stream().map(StoryCard::title).toList();
	}

}
