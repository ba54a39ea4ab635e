package org.gazette.content;

import java.util.ArrayList;
import java.util.List;

import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Editing and merging authors and topics, on H2 and on PostgreSQL. */
class ProfilesTests {

	private final MutableClock clock = new MutableClock();

	private final List<Object> events = new ArrayList<>();

	private Content open(Databases.Lazy db) {
		return TestContent.content(db.get().jdbc(), this.clock, this.events::add);
	}

	@DatabaseTest
	void editsAnAuthorsProfile(Databases.Lazy db) {
		Content content = open(db);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", "Writer", "Old bio."));
		content.createAuthor(new NewAuthor("ann-lee", "Ann Lee", null, null));
		Author edited = content.updateAuthor(jane.id(),
				new NewAuthor("jane-q-doe", " Jane Q. Doe ", "Press Secretary", "Jane *writes*."));
		assertThat(edited).isEqualTo(new Author(jane.id(), "jane-q-doe", "Jane Q. Doe", "Press Secretary",
				"<p>Jane <em>writes</em>.</p>\n", "Jane *writes*.", null));
		assertThat(content.authorBySlug("jane-q-doe")).contains(edited);
		// The former address leads to the profile, as moved, until a profile takes it.
		assertThat(content.resolveAuthor("jane-doe")).contains(new Resolved<>(edited, true));
		assertThat(this.events).containsExactly(new AuthorChanged(jane.id(), null));
		// Keeping its own address is no clash.
		assertThat(content.updateAuthor(jane.id(), new NewAuthor("jane-q-doe", "Jane Doe", null, null)).name())
			.isEqualTo("Jane Doe");

		assertThatThrownBy(() -> content.updateAuthor(jane.id(), new NewAuthor("ann-lee", "", null, null)))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsExactly(entry("name", List.of("Name is required.")),
							entry("slug", List.of("Another author already uses the address ann-lee."))));
		assertThatThrownBy(() -> content.updateAuthor(404, new NewAuthor("x", "X", null, null)))
			.isInstanceOf(UnknownContentException.class)
			.hasMessage("There is no author 404.");
	}

	@DatabaseTest
	void editsATopic(Databases.Lazy db) {
		Content content = open(db);
		Topic trade = content.createTopic(new NewTopic("trade", "Trade", null));
		content.createTopic(new NewTopic("ports", "Ports", null));
		Topic edited = content.updateTopic(trade.id(), new NewTopic("trade-policy", "Trade Policy", "Tariffs."));
		assertThat(edited).isEqualTo(new Topic(trade.id(), "trade-policy", "Trade Policy", "Tariffs.", null));
		assertThat(content.topicBySlug("trade-policy")).contains(edited);
		assertThat(this.events).containsExactly(new TopicChanged(trade.id(), null));
		// The former address leads to the topic until another topic takes it, and when
		// that one moves on, the address is its former one, not the first's.
		assertThat(content.resolveTopic("trade")).contains(new Resolved<>(edited, true));
		Topic newTrade = content.createTopic(new NewTopic("trade", "Trade", null));
		assertThat(content.resolveTopic("trade")).contains(new Resolved<>(newTrade, false));
		content.updateTopic(newTrade.id(), new NewTopic("trade-news", "Trade", null));
		assertThat(content.resolveTopic("trade").orElseThrow().value().id()).isEqualTo(newTrade.id());
		assertThatThrownBy(() -> content.updateTopic(trade.id(), new NewTopic("ports", "Trade", null)))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.byField())
				.containsExactly(entry("slug", List.of("Another topic already uses the address ports."))));
		assertThatThrownBy(() -> content.updateTopic(404, new NewTopic("x", "X", null)))
			.isInstanceOf(UnknownContentException.class);
	}

	@DatabaseTest
	void aMergedAuthorResolvesToTheSurvivorEverywhere(Databases.Lazy db) {
		Content content = open(db);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		Author duplicate = content.createAuthor(new NewAuthor("j-doe", "J. Doe", null, null));
		long story = content.createArticle(null, new RevisionDraft(ArticleType.NEWS_RELEASE, "Title", "Summary.", null,
				"Body.", List.of(duplicate.id()), List.of(), null, null), "writer");
		Revision before = content.workingRevision(story).orElseThrow();

		assertThat(content.mergeAuthor(duplicate.id(), jane.id())).isEqualTo(jane);
		assertThat(this.events).containsExactly(new AuthorChanged(jane.id(), duplicate.id()));
		assertThat(content.resolveAuthor("j-doe")).contains(new Resolved<>(jane, true));
		assertThat(content.resolveAuthor("jane-doe")).contains(new Resolved<>(jane, false));
		assertThat(content.authorBySlug("j-doe")).contains(jane);
		assertThat(content.authors()).containsExactly(jane);
		assertThat(content.author(duplicate.id()).orElseThrow().mergedIntoId()).isEqualTo(jane.id());
		// The revision is not rewritten; a new save credits the survivor.
		assertThat(content.revision(before.id())).contains(before);
		content.revise(story, 1, before.toDraft(), "editor");
		assertThat(content.workingRevision(story).orElseThrow().authorIds()).containsExactly(jane.id());
		// A byline naming both the duplicate and the survivor names the survivor once.
		long both = content.createArticle(null, new RevisionDraft(ArticleType.NEWS_RELEASE, "Both", "Summary.", null,
				"Body.", List.of(duplicate.id(), jane.id()), List.of(), null, null), "writer");
		assertThat(content.workingRevision(both).orElseThrow().authorIds()).containsExactly(jane.id());
		assertThatThrownBy(() -> content.updateAuthor(duplicate.id(), new NewAuthor("j-doe", "J. Doe", null, null)))
			.hasMessage("J. Doe was merged into Jane Doe; edit Jane Doe instead.");
	}

	@DatabaseTest
	void refusesMergesThatWouldLoseTheSurvivorOrMakeACycle(Databases.Lazy db) {
		Content content = open(db);
		Author a = content.createAuthor(new NewAuthor("a", "Author A", null, null));
		Author b = content.createAuthor(new NewAuthor("b", "Author B", null, null));
		Author c = content.createAuthor(new NewAuthor("c", "Author C", null, null));
		assertThatThrownBy(() -> content.mergeAuthor(a.id(), a.id()))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.byField())
				.containsExactly(entry("survivorId", List.of("An author cannot be merged into itself."))));
		assertThatThrownBy(() -> content.mergeAuthor(a.id(), 404)).isInstanceOf(UnknownContentException.class);
		assertThatThrownBy(() -> content.mergeAuthor(404, a.id())).isInstanceOf(UnknownContentException.class);

		content.mergeAuthor(a.id(), b.id());
		// Back again would be a cycle; into a merged one would be a chain.
		assertThatThrownBy(() -> content.mergeAuthor(b.id(), a.id()))
			.hasMessage("Author A was merged into Author B; merge into Author B instead.");
		assertThatThrownBy(() -> content.mergeAuthor(c.id(), a.id()))
			.hasMessage("Author A was merged into Author B; merge into Author B instead.");
		assertThatThrownBy(() -> content.mergeAuthor(a.id(), c.id()))
			.hasMessage("Author A was already merged into Author B.");

		// Merging the survivor on moves what was merged into it: one hop, always.
		content.mergeAuthor(b.id(), c.id());
		assertThat(content.author(a.id()).orElseThrow().mergedIntoId()).isEqualTo(c.id());
		assertThat(content.author(b.id()).orElseThrow().mergedIntoId()).isEqualTo(c.id());
		assertThat(content.resolveAuthor("a")).contains(new Resolved<>(content.author(c.id()).orElseThrow(), true));
		assertThat(content.authors()).extracting(Author::slug).containsExactly("c");
	}

	@DatabaseTest
	void mergesTopicsTheSameWay(Databases.Lazy db) {
		Content content = open(db);
		Topic trade = content.createTopic(new NewTopic("trade", "Trade", null));
		Topic commerce = content.createTopic(new NewTopic("commerce", "Commerce", null));
		Topic ports = content.createTopic(new NewTopic("ports", "Ports", null));
		assertThatThrownBy(() -> content.mergeTopic(trade.id(), trade.id()))
			.hasMessage("A topic cannot be merged into itself.");
		assertThat(content.mergeTopic(commerce.id(), trade.id())).isEqualTo(trade);
		assertThat(this.events).containsExactly(new TopicChanged(trade.id(), commerce.id()));
		assertThat(content.resolveTopic("commerce")).contains(new Resolved<>(trade, true));
		assertThat(content.topicBySlug("commerce")).contains(trade);
		assertThat(content.topics()).extracting(Topic::slug).containsExactly("ports", "trade");
		assertThatThrownBy(() -> content.mergeTopic(ports.id(), commerce.id()))
			.hasMessage("Commerce was merged into Trade; merge into Trade instead.");
		assertThatThrownBy(() -> content.mergeTopic(trade.id(), commerce.id()))
			.hasMessage("Commerce was merged into Trade; merge into Trade instead.");
		assertThatThrownBy(() -> content.mergeTopic(404, trade.id())).isInstanceOf(UnknownContentException.class);
		assertThatThrownBy(() -> content.updateTopic(commerce.id(), new NewTopic("commerce", "Commerce", null)))
			.hasMessage("Commerce was merged into Trade; edit Trade instead.");
		long story = content.createArticle(null, new RevisionDraft(ArticleType.NEWS_RELEASE, "Title", "Summary.", null,
				"Body.", List.of(), List.of(commerce.id(), trade.id()), null, null), "writer");
		assertThat(content.workingRevision(story).orElseThrow().topicIds()).containsExactly(trade.id());
	}

}
