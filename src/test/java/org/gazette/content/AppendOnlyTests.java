package org.gazette.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gazette.publishing.TestPublishing;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * History is append-only, and the database itself says so: raw UPDATE and DELETE on
 * revisions, bodies, bylines, topic links and publications fail on H2 and on PostgreSQL,
 * and a full edit, publish and restore cycle leaves every earlier row exactly as it was.
 */
class AppendOnlyTests {

	private static final Map<String, String> TABLES = Map.of("revision", "id", "revision_body", "id", "revision_author",
			"revision_id, position", "revision_topic", "revision_id, topic_id", "publication", "id");

	private final MutableClock clock = new MutableClock();

	@DatabaseTest
	void theDatabaseRefusesToUpdateOrDeleteHistory(Databases.Lazy db) {
		JdbcClient jdbc = db.get().jdbc();
		storyWithHistory(db.get());
		List<String> statements = List.of("update revision set title = 'Rewritten'", "delete from revision",
				"update revision_body set markdown = 'Rewritten'", "delete from revision_body",
				"update revision_author set position = 7", "delete from revision_author",
				"update revision_topic set topic_id = topic_id", "delete from revision_topic",
				"update publication set change_note = 'Rewritten'", "delete from publication");
		for (String statement : statements) {
			assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
				.hasMessageContaining("append-only")
				.hasMessageContaining(statement.startsWith("update") ? "UPDATE refused" : "DELETE refused");
		}
		// A WHERE that matches nothing changes nothing, and so is not refused.
		assertThat(jdbc.sql("delete from revision where id = -1").update()).isZero();
		assertThat(jdbc.sql("select count(*) from revision").query(Long.class).single()).isEqualTo(2);
	}

	@DatabaseTest
	void editingPublishingAndRestoringLeaveEarlierRowsExactlyAsTheyWere(Databases.Lazy db) {
		JdbcClient jdbc = db.get().jdbc();
		Content content = storyWithHistory(db.get());
		Map<String, List<Map<String, Object>>> before = snapshot(jdbc);
		long article = content.articleIdBySlug("history").orElseThrow();
		this.clock.advance(Duration.ofMinutes(5));
		int version = content.editable(article).orElseThrow().version();
		SavedRevision third = content.revise(article, version, draft("Third title", "A third body."), "editor");
		new TestPublishing(jdbc, content, this.clock).publishing().publish(article, null);
		int current = content.editable(article).orElseThrow().version();
		content.restore(article, 1, "chief", current);

		Map<String, List<Map<String, Object>>> after = snapshot(jdbc);
		for (String table : TABLES.keySet()) {
			assertThat(after.get(table)).as(table).containsSubsequence(before.get(table));
			assertThat(after.get(table).subList(0, before.get(table).size())).as(table).isEqualTo(before.get(table));
		}
		assertThat(after.get("revision")).hasSize(4);
		assertThat(third.number()).isEqualTo(3);
	}

	private Content storyWithHistory(TestDatabase db) {
		Content content = TestContent.content(db.jdbc(), this.clock);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		Topic trade = content.createTopic(new NewTopic("trade", "Trade", null));
		long article = content.createArticle("history", new RevisionDraft(ArticleType.NEWS_RELEASE, "First title",
				"Summary.", null, "First body.", List.of(jane.id()), List.of(trade.id()), ChangeKind.MAJOR, null),
				"writer");
		new TestPublishing(db.jdbc(), content, this.clock).publishing().publish(article, null);
		content.revise(article, content.editable(article).orElseThrow().version(),
				new RevisionDraft(ArticleType.NEWS_RELEASE, "Second title", "Summary.", null, "Second body.",
						List.of(jane.id()), List.of(trade.id()), ChangeKind.MINOR, null, "Retitled"),
				"editor");
		return content;
	}

	private static RevisionDraft draft(String title, String body) {
		return new RevisionDraft(ArticleType.FEATURE_STORY, title, "Summary.", null, body, List.of(), List.of(),
				ChangeKind.MINOR, null);
	}

	/** Every row of every append-only table, in key order, every column as stored. */
	private static Map<String, List<Map<String, Object>>> snapshot(JdbcClient jdbc) {
		return TABLES.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
					(table) -> jdbc.sql("select * from " + table.getKey() + " order by " + table.getValue())
						.query()
						.listOfRows()));
	}

}
