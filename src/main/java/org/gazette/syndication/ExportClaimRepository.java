package org.gazette.syndication;

import java.time.Instant;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The row that one node at a time holds while it exports automatically; see
 * {@code V17__export_claim.sql}.
 */
@Repository
class ExportClaimRepository {

	static final String STATIC = "static";

	private final JdbcClient jdbc;

	ExportClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the claim for the current transaction; false, at once, when another node
	 * holds it.
	 */
	boolean tryLock(String name) {
		return this.jdbc.sql("select name from export_claim where name = :name for update skip locked")
			.param("name", name)
			.query(String.class)
			.optional()
			.isPresent();
	}

	/** Records an export made under the lock. */
	void exported(String name, long lastChangeEvent, Instant at, String node) {
		this.jdbc.sql("""
				update export_claim
				set exports = exports + 1, last_change_event = :event, exported_at = :at, exported_by = :node
				where name = :name
				""")
			.param("event", lastChangeEvent)
			.param("at", Db.utc(at))
			.param("node", node)
			.param("name", name)
			.update();
	}

	/** How many automatic exports have been made, by every node. */
	Optional<Long> exports(String name) {
		return this.jdbc.sql("select exports from export_claim where name = :name")
			.param("name", name)
			.query(Long.class)
			.optional();
	}

}
