package org.gazette.publishing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only log of changes to what the public sees. */
@Repository
class ChangeEventRepository {

	private final JdbcClient jdbc;

	ChangeEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * As {@link #append} for each row ({@code occurred_at, effective_at, kind,
	 * subject_type, subject_id}), in order.
	 */
	void appendAll(List<Object[]> rows) {
		RowInserts.insert(this.jdbc,
				"insert into change_event (occurred_at, effective_at, kind, subject_type, subject_id)", "", rows);
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

	/**
	 * Subjects of the events after the given id or with one of the given ids, and of
	 * those that take effect in {@code [effectiveFrom, effectiveTo]} (when
	 * {@code effectiveFrom} is not null).
	 */
	List<Event> subjects(long id, Collection<Long> ids, Instant effectiveFrom, Instant effectiveTo) {
		String listed = ids.isEmpty() ? "" : " or id in (:ids)";
		String effective = (effectiveFrom != null)
				? " or (effective_at >= :effectiveFrom and effective_at <= :effectiveTo)" : "";
		var statement = this.jdbc
			.sql("select distinct 0 as id, subject_type, subject_id from change_event where id > :id" + listed
					+ effective)
			.param("id", id);
		if (!ids.isEmpty()) {
			statement = statement.param("ids", ids);
		}
		if (effectiveFrom != null) {
			statement = statement.param("effectiveFrom", Db.utc(effectiveFrom))
				.param("effectiveTo", Db.utc(effectiveTo));
		}
		return statement
			.query((rs, n) -> new Event(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id")))
			.list();
	}

	/** The ids of the events in {@code (from, to]}. */
	List<Long> idsBetween(long from, long to) {
		return this.jdbc.sql("select id from change_event where id > :from and id <= :to")
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.list();
	}

	boolean exists(long id) {
		return this.jdbc.sql("select count(*) from change_event where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	long lastId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from change_event").query(Long.class).single();
	}

}
