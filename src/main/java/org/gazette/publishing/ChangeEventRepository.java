package org.gazette.publishing;

import java.time.Instant;
import java.util.List;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only log of changes to what the public sees. */
@Repository
class ChangeEventRepository {

	private final JdbcClient jdbc;

	ChangeEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(String kind, String subjectType, long subjectId, Instant occurredAt, Instant effectiveAt) {
		this.jdbc.sql("""
				insert into change_event (occurred_at, effective_at, kind, subject_type, subject_id)
				values (:occurred, :effective, :kind, :subjectType, :subjectId)
				""")
			.param("occurred", Db.utc(occurredAt))
			.param("effective", Db.utc(effectiveAt))
			.param("kind", kind)
			.param("subjectType", subjectType)
			.param("subjectId", subjectId)
			.update();
	}

	/** An event as the tail reads it. */
	record Event(long id, String subjectType, long subjectId) {
	}

	/**
	 * The events after the given id, and those that occurred at or after the given
	 * instant.
	 */
	List<Event> after(long id, Instant since) {
		return this.jdbc
			.sql("select id, subject_type, subject_id from change_event where id > :id or occurred_at >= :since")
			.param("id", id)
			.param("since", Db.utc(since))
			.query((rs, n) -> new Event(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id")))
			.list();
	}

	List<Long> articlesAfter(long id) {
		return this.jdbc.sql("select distinct subject_id from change_event where id > :id and subject_type = 'article'")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	long lastId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from change_event").query(Long.class).single();
	}

}
