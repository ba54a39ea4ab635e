package org.gazette.publishing;

import java.time.Instant;

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

	long lastId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from change_event").query(Long.class).single();
	}

}
