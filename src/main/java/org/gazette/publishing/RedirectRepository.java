package org.gazette.publishing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The redirect table; lookups by path use its unique index. */
@Repository
class RedirectRepository {

	private static final String COLUMNS = "id, from_path, to_url, note, created_by, created_at";

	private final JdbcClient jdbc;

	RedirectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String fromPath, String toUrl, String note, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into redirect (from_path, to_url, note, created_by, created_at)
				values (:from, :to, :note, :by, :at)
				""")
			.param("from", fromPath)
			.param("to", toUrl)
			.param("note", note)
			.param("by", by)
			.param("at", Db.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * As {@link #insert} for each row ({@code from_path, to_url, note, created_by,
	 * created_at}); returns their ids in the same order.
	 */
	List<Long> insertAll(List<Object[]> rows) {
		return RowInserts.insertReturningIds(this.jdbc,
				"insert into redirect (from_path, to_url, note, created_by, created_at)", rows);
	}

	/** Where each of these paths redirects, for those that do. */
	Map<String, String> destinations(Collection<String> fromPaths) {
		Map<String, String> found = new HashMap<>();
		if (!fromPaths.isEmpty()) {
			this.jdbc.sql("select from_path, to_url from redirect where from_path in (:paths)")
				.param("paths", fromPaths)
				.query((rs) -> {
					found.put(rs.getString("from_path"), rs.getString("to_url"));
				});
		}
		return found;
	}

	Optional<Redirect> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from redirect where id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	Optional<String> destination(String fromPath) {
		return this.jdbc.sql("select to_url from redirect where from_path = :path")
			.param("path", fromPath)
			.query(String.class)
			.optional();
	}

	boolean exists(String fromPath) {
		return this.jdbc.sql("select count(*) from redirect where from_path = :path")
			.param("path", fromPath)
			.query(Long.class)
			.single() > 0;
	}

	void delete(long id) {
		this.jdbc.sql("delete from redirect where id = :id").param("id", id).update();
	}

	List<Redirect> all() {
		return this.jdbc.sql("select " + COLUMNS + " from redirect order by from_path")
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Redirects whose old path contains the text (any case), by old path. */
	List<Redirect> page(String contains, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from redirect" + where(contains)
					+ " order by from_path limit :limit offset :offset")
			.params(parameters(contains))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> row(rs))
			.list();
	}

	long count(String contains) {
		return this.jdbc.sql("select count(*) from redirect" + where(contains))
			.params(parameters(contains))
			.query(Long.class)
			.single();
	}

	private static String where(String contains) {
		return (contains != null) ? " where lower(from_path) like :pattern escape '!'" : "";
	}

	private static java.util.Map<String, Object> parameters(String contains) {
		if (contains == null) {
			return java.util.Map.of();
		}
		String escaped = contains.toLowerCase(java.util.Locale.ROOT)
			.replace("!", "!!")
			.replace("%", "!%")
			.replace("_", "!_");
		return java.util.Map.of("pattern", "%" + escaped + "%");
	}

	private static Redirect row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Redirect(rs.getLong("id"), rs.getString("from_path"), rs.getString("to_url"), rs.getString("note"),
				rs.getString("created_by"), Db.instant(rs, "created_at"));
	}

}
