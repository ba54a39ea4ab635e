package org.gazette.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inserts and reads audit rows; it has no update or delete, by design. */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuditRecord entry, Instant now) {
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, target_type, target_id, details, client_address)
				values (:now, :actor, :action, :targetType, :targetId, :details, :client)""")
			.param("now", Db.utc(now))
			.param("actor", cut(entry.actor(), 254))
			.param("action", cut(entry.action(), 60))
			.param("targetType", cut(entry.targetType(), 40))
			.param("targetId", cut(entry.targetId(), 200))
			.param("details", cut(entry.details(), 4000))
			.param("client", cut(entry.clientAddress(), 64))
			.update();
	}

	void insertAll(List<AuditRecord> entries, Instant now) {
		RowInserts.insert(this.jdbc,
				"insert into audit_event (occurred_at, actor, action, target_type, target_id, details, client_address)",
				"",
				entries.stream()
					.map((entry) -> new Object[] { Db.utc(now), cut(entry.actor(), 254), cut(entry.action(), 60),
							cut(entry.targetType(), 40), cut(entry.targetId(), 200), cut(entry.details(), 4000),
							cut(entry.clientAddress(), 64) })
					.toList());
	}

	List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, params);
		return this.jdbc
			.sql("select * from audit_event" + where + " order by occurred_at desc, id desc limit " + limit + " offset "
					+ offset)
			.params(params)
			.query((rs, row) -> entry(rs))
			.list();
	}

	/** Streams every matching entry, oldest first, for export. */
	void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, params);
		this.jdbc.sql("select * from audit_event" + where + " order by occurred_at, id").params(params).query((rs) -> {
			consumer.accept(entry(rs));
		});
	}

	private static String where(AuditFilter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.actor() != null) {
			conditions.add("actor = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			if (filter.action().endsWith(".")) {
				conditions.add("action like :action");
				params.put("action", filter.action().replace("%", "").replace("_", "\\_") + "%");
			}
			else {
				conditions.add("action = :action");
				params.put("action", filter.action());
			}
		}
		if (filter.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", Db.utc(filter.from()));
		}
		if (filter.until() != null) {
			conditions.add("occurred_at < :until");
			params.put("until", Db.utc(filter.until()));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("id"), Db.instant(rs, "occurred_at"), rs.getString("actor"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("details"),
				rs.getString("client_address"));
	}

	private static String cut(String value, int max) {
		if (value == null) {
			return null;
		}
		String clean = value.replaceAll("\\p{Cntrl}", " ");
		return (clean.length() <= max) ? clean : clean.substring(0, max);
	}

}
