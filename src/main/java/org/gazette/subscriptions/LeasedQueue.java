package org.gazette.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL that story emails ({@code subscriber_delivery}) and daily digests
 * ({@code subscriber_digest}) share: each is a queue whose rows nodes claim with
 * {@code FOR UPDATE SKIP LOCKED}, so no two nodes take the same row and none waits for
 * another. A claim is a lease: the rows of a node that stopped go back to the others once
 * it runs out. Both tables have the columns used here.
 */
final class LeasedQueue {

	private final JdbcClient jdbc;

	private final String table;

	LeasedQueue(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/**
	 * Claims up to {@code limit} due rows for this node (rows whose node's lease ran out,
	 * then pending rows whose attempt is due), counting an attempt on each; call inside a
	 * transaction, which commits the claim.
	 * @return the claimed rows' ids
	 */
	List<Long> claim(String node, Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = new ArrayList<>(lockDue("sending", "lease_until", now, limit));
		if (ids.size() < limit) {
			ids.addAll(lockDue("pending", "next_attempt_at", now, limit - ids.size()));
		}
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					update %s set state = 'sending', claimed_by = :node, lease_until = :lease,
					    attempts = attempts + 1
					where id in (:ids)""".formatted(this.table))
				.param("node", node)
				.param("lease", Db.utc(leaseUntil))
				.param("ids", ids)
				.update();
		}
		return ids;
	}

	private List<Long> lockDue(String state, String dueColumn, Instant now, int limit) {
		return this.jdbc.sql(
				"select id from %s where state = :state and %s <= :now order by %s, id limit :limit for update skip locked"
					.formatted(this.table, dueColumn, dueColumn))
			.param("state", state)
			.param("now", Db.utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Ends claimed rows in a final state (sent, failed or skipped), in one statement.
	 * @return how many were still this node's (the others were taken over meanwhile)
	 */
	int finish(Collection<Long> ids, String node, String state, Instant now, String error) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update %s set state = :state, finished_at = :now, last_error = :error,
				    claimed_by = null, lease_until = null
				where id in (:ids) and state = 'sending' and claimed_by = :node""".formatted(this.table))
			.param("state", state)
			.param("now", Db.utc(now))
			.param("error", error)
			.param("ids", List.copyOf(ids))
			.param("node", node)
			.update();
	}

	/** Puts a claimed row back in the queue until {@code at}. */
	void retryLater(long id, String node, Instant at, String error, boolean countAttempt) {
		this.jdbc.sql("""
				update %s set state = 'pending', next_attempt_at = :at, last_error = :error,
				    claimed_by = null, lease_until = null,
				    attempts = case when :count then attempts else attempts - 1 end
				where id = :id and state = 'sending' and claimed_by = :node""".formatted(this.table))
			.param("at", Db.utc(at))
			.param("error", error)
			.param("count", countAttempt)
			.param("id", id)
			.param("node", node)
			.update();
	}

}
