package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
		// An export reads the log: id 5 was taken by a transaction not committed yet.
		insert(jdbc, 4, "article", 9, t, t);
		assertThat(log.lastEventId()).isEqualTo(11);
		List<Long> missing = log.missingUpTo(11);
		assertThat(missing).contains(1L, 5L, 6L, 9L).doesNotContain(4L, 10L, 11L);

		assertThat(log.changesSince(11, missing, t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(1))))
			.contains(Map.of());

		// Id 5 commits after the export read id 11; a topic changes after it.
		insert(jdbc, 5, "article", 3, t, t);
		insert(jdbc, 12, "topic", 7, t, t);
		assertThat(log.changesSince(11, missing, t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(1))))
			.contains(Map.of("article", Set.of(3L), "topic", Set.of(7L)));

		// Once the scheduled release has come, it counts as a change.
		assertThat(log.changesSince(11, missing, t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(3))))
			.contains(Map.of("article", Set.of(2L, 3L), "topic", Set.of(7L)));

		// Events the log does not hold: what changed cannot be told.
		assertThat(log.changesSince(7, List.of(), null, null)).isEmpty();
		assertThat(log.changesSince(99, List.of(), null, null)).isEmpty();
		assertThat(log.changesSince(0, List.of(), null, null))
			.contains(Map.of("article", Set.of(1L, 2L, 3L, 9L), "topic", Set.of(7L)));
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
