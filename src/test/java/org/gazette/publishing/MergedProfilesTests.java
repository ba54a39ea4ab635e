package org.gazette.publishing;

import java.util.List;

import org.gazette.content.AuthorChanged;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.TestContent;
import org.gazette.content.Topic;
import org.gazette.content.TopicChanged;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public reads after authors and topics are edited or merged: readers see the survivor,
 * and the stories it appears on get change events. On H2 and on PostgreSQL.
 */
class MergedProfilesTests {

	private final MutableClock clock = new MutableClock();

	private Content content;

	private Stories stories;

	private Newsroom newsroom;

	private JdbcClient jdbc;

	private void open(Databases.Lazy db) {
		this.jdbc = db.get().jdbc();
		ChangeEventRepository events = new ChangeEventRepository(this.jdbc);
		ProfileChanges listener = new ProfileChanges(new ProfileChangeRepository(this.jdbc),
				new ChangeEvents(events, new ChangeEventTail(events, (event) -> {
				}, this.clock), this.clock));
		// As Spring delivers content's events to publishing's listener, inside the
		// change.
		this.content = TestContent.content(this.jdbc, this.clock, (event) -> {
			if (event instanceof AuthorChanged changed) {
				listener.on(changed);
			}
			else if (event instanceof TopicChanged changed) {
				listener.on(changed);
			}
		});
		TestPublishing publishing = new TestPublishing(this.jdbc, this.content, this.clock);
		this.stories = new Stories(this.content, publishing.publishing());
		this.newsroom = publishing.newsroom();
	}

	@DatabaseTest
	void publicStoriesCreditTheSurvivorOfAMergeOnce(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		Author duplicate = this.content.createAuthor(new NewAuthor("j-doe", "J. Doe", null, null));
		Author ann = this.stories.author("Ann Lee");
		this.stories.story("By the duplicate").slug("one").by(duplicate, ann).publish();
		this.stories.story("By both").slug("two").by(jane, duplicate).publish();
		this.stories.story("By Ann").slug("three").by(ann).publish();
		long eventsBefore = changeEvents();

		this.content.mergeAuthor(duplicate.id(), jane.id());

		assertThat(this.newsroom.story("one").orElseThrow().bylines())
			.containsExactly(new Byline("Jane Doe", "jane-doe"), new Byline("Ann Lee", "ann-lee"));
		assertThat(this.newsroom.story("two").orElseThrow().bylines())
			.containsExactly(new Byline("Jane Doe", "jane-doe"));
		assertThat(this.newsroom.list(StoryQuery.byAuthor(jane.id()), 1, 20).stories()).extracting(StoryCard::slug)
			.containsExactlyInAnyOrder("one", "two");
		assertThat(this.newsroom.list(StoryQuery.byAuthor(jane.id()), 1, 20).total()).isEqualTo(2);
		assertThat(this.newsroom.indexable(List.of(this.content.articleIdBySlug("one").orElseThrow())).get(0).bylines())
			.extracting(Byline::slug)
			.containsExactly("jane-doe", "ann-lee");
		// The two stories that credit the duplicate changed for readers; Ann's did not.
		assertThat(changeEvents() - eventsBefore).isEqualTo(2);
	}

	@DatabaseTest
	void publicStoriesShowTheSurvivingTopicAndItsPageListsThemAll(Databases.Lazy db) {
		open(db);
		Topic trade = this.stories.topic("Trade");
		Topic commerce = this.stories.topic("Commerce");
		this.stories.story("About commerce").slug("one").about(commerce).publish();
		this.stories.story("About both").slug("two").about(trade, commerce).publish();
		this.stories.story("About nothing").slug("three").publish();
		long eventsBefore = changeEvents();

		this.content.mergeTopic(commerce.id(), trade.id());

		assertThat(this.newsroom.story("one").orElseThrow().topics()).containsExactly(new TopicLink("Trade", "trade"));
		assertThat(this.newsroom.story("two").orElseThrow().topics()).containsExactly(new TopicLink("Trade", "trade"));
		assertThat(this.newsroom.list(StoryQuery.byTopic(trade.id()), 1, 20).stories()).extracting(StoryCard::slug)
			.containsExactlyInAnyOrder("one", "two");
		assertThat(changeEvents() - eventsBefore).isEqualTo(2);
	}

	@DatabaseTest
	void editingAnAuthorChangesTheBylinesOfTheirPublishedStories(Databases.Lazy db) {
		open(db);
		Author jane = this.stories.author("Jane Doe");
		this.stories.story("Published").slug("published").by(jane).publish();
		this.stories.story("Draft").slug("draft").by(jane).draft();
		long eventsBefore = changeEvents();
		this.content.updateAuthor(jane.id(), new NewAuthor("jane-q-doe", "Jane Q. Doe", null, null));
		assertThat(this.newsroom.story("published").orElseThrow().bylines())
			.containsExactly(new Byline("Jane Q. Doe", "jane-q-doe"));
		// Only the published story changed for readers.
		assertThat(changeEvents() - eventsBefore).isEqualTo(1);
	}

	@DatabaseTest
	void editingAnAuthorNoPublicStoryCreditsStillTellsNodesTheirPageChanged(Databases.Lazy db) {
		open(db);
		Author ann = this.stories.author("Ann Lee");
		this.stories.story("Draft").slug("draft").by(ann).draft();
		long eventsBefore = changeEvents();
		this.content.updateAuthor(ann.id(), new NewAuthor("ann-lee", "Ann B. Lee", null, null));
		// Their profile page (and the static export holding it) changed: one event about
		// the author, none about the draft.
		assertThat(changeEvents() - eventsBefore).isEqualTo(1);
		assertThat(this.jdbc.sql("select subject_type, subject_id from change_event order by id desc limit 1")
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
			.single()).isEqualTo("author " + ann.id());
	}

	private long changeEvents() {
		return this.jdbc.sql("select count(*) from change_event").query(Long.class).single();
	}

}
