package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.gazette.content.TestContent;
import org.gazette.platform.Db;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What changed since a state built as of a change event (such as a static export): the
 * events after it, those committed late with a lower id, and releases that came due.
 */
class ChangeLogTests {

	private final MutableClock clock = new MutableClock();

	@DatabaseTest
	void changesSinceAnEventIncludeLateEventsAndReleasesThatCameDue(Databases.Lazy db) {
		JdbcClient jdbc = db.get().jdbc();
		ChangeLog log = new TestPublishing(jdbc, TestContent.content(jdbc, this.clock), this.clock).changeLog();
		Instant t = this.clock.instant();
		insert(jdbc, 10, "article", 1, t, t);
		// Scheduled: public two hours later.
		insert(jdbc, 11, "article", 2, t, t.plus(Duration.ofHours(2)));
		Instant exported = t.plus(Duration.ofMinutes(1));

		assertThat(log.changesSince(11, exported, t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(1))))
			.contains(Map.of());
		// Read back with a margin, the events just before count again.
		assertThat(log.changesSince(11, t, null, null)).contains(Map.of("article", Set.of(1L, 2L)));

		// A transaction that took id 5 commits after the export read id 11.
		insert(jdbc, 5, "article", 3, t.plus(Duration.ofSeconds(30)), t.plus(Duration.ofSeconds(30)));
		insert(jdbc, 12, "topic", 7, exported, exported);
		assertThat(log.changesSince(11, t.plus(Duration.ofSeconds(20)), t.plus(Duration.ofHours(2)),
				t.plus(Duration.ofHours(1))))
			.contains(Map.of("article", Set.of(3L), "topic", Set.of(7L)));

		// Once the scheduled release has come, it counts as a change.
		assertThat(log.changesSince(11, t.plus(Duration.ofSeconds(20)), t.plus(Duration.ofHours(2)),
				t.plus(Duration.ofHours(3))))
			.contains(Map.of("article", Set.of(2L, 3L), "topic", Set.of(7L)));

		// Events the log does not hold: what changed cannot be told.
		assertThat(log.changesSince(7, t, null, null)).isEmpty();
		assertThat(log.changesSince(99, t, null, null)).isEmpty();
		assertThat(log.changesSince(0, t, null, null)).isPresent();
	}

	private static void insert(JdbcClient jdbc, long id, String type, long subject, Instant occurred,
			Instant effective) {
		jdbc.sql("""
				insert into change_event (id, occurred_at, effective_at, kind, subject_type, subject_id)
				values (:id, :occurred, :effective, 'updated', :type, :subject)
				""")
			.param("id", id)
			.param("occurred", Db.utc(occurred))
			.param("effective", Db.utc(effective))
			.param("type", type)
			.param("subject", subject)
			.update();
	}

}
