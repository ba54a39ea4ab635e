package org.gazette.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily digests: one row per subscriber and day. Claimed like the story emails
 * ({@link DeliveryRepository}): {@code FOR UPDATE SKIP LOCKED} and a lease.
 */
@Repository
class DigestRepository {

	private final JdbcClient jdbc;

	DigestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the day's digest for every confirmed daily subscriber confirmed by its end,
	 * once: those already queued for the day are left as they are. Each digest starts
	 * where the subscriber's previous one ended (so a day no node was running is not
	 * lost), but no earlier than {@code earliest}, and at the latest at the window's end.
	 * @return how many were queued now
	 */
	int queue(DigestWindows.Window window, Instant earliest, Instant now) {
		return this.jdbc
			.sql("""
					insert into subscriber_digest (subscriber_id, digest_date, window_start, window_end, state, attempts,
					    next_attempt_at, created_at)
					select s.id, :date,
					    least(greatest(coalesce((select max(p.window_end) from subscriber_digest p where p.subscriber_id = s.id),
					        :start), :earliest), :end),
					    :end, 'pending', 0, :now, :now
					from subscriber s
					where s.status = 'confirmed' and s.frequency = 'daily' and s.confirmed_at <= :end
					and not exists (select 1 from subscriber_digest d where d.subscriber_id = s.id and d.digest_date = :date)""")
			.param("date", window.date())
			.param("start", Db.utc(window.start()))
			.param("earliest", Db.utc(earliest))
			.param("end", Db.utc(window.end()))
			.param("now", Db.utc(now))
			.update();
	}

	/**
	 * Claims up to {@code limit} due digests for this node (pending ones, and those whose
	 * node's lease ran out); call inside a transaction, which commits the claim.
	 */
	List<Digest> claim(String node, Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = new ArrayList<>(lockDue("sending", "lease_until", now, limit));
		if (ids.size() < limit) {
			ids.addAll(lockDue("pending", "next_attempt_at", now, limit - ids.size()));
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("""
				update subscriber_digest set state = 'sending', claimed_by = :node, lease_until = :lease,
				    attempts = attempts + 1
				where id in (:ids)""")
			.param("node", node)
			.param("lease", Db.utc(leaseUntil))
			.param("ids", ids)
			.update();
		return this.jdbc.sql("""
				select id, subscriber_id, digest_date, window_start, window_end, attempts from subscriber_digest
				where id in (:ids) order by id""")
			.param("ids", ids)
			.query((rs, row) -> new Digest(rs.getLong("id"), rs.getLong("subscriber_id"),
					rs.getObject("digest_date", LocalDate.class), Db.instant(rs, "window_start"),
					Db.instant(rs, "window_end"), rs.getInt("attempts")))
			.list();
	}

	private List<Long> lockDue(String state, String dueColumn, Instant now, int limit) {
		return this.jdbc
			.sql("select id from subscriber_digest where state = :state and " + dueColumn + " <= :now order by "
					+ dueColumn + ", id limit :limit for update skip locked")
			.param("state", state)
			.param("now", Db.utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Ends a claimed digest in a final state (sent, failed or skipped); false when
	 * another node took it over meanwhile.
	 */
	boolean finish(long id, String node, String state, Instant now, Integer stories, String error) {
		return this.jdbc.sql("""
				update subscriber_digest set state = :state, finished_at = :now, stories = :stories,
				    last_error = :error, claimed_by = null, lease_until = null
				where id = :id and state = 'sending' and claimed_by = :node""")
			.param("state", state)
			.param("now", Db.utc(now))
			.param("stories", stories)
			.param("error", error)
			.param("id", id)
			.param("node", node)
			.update() == 1;
	}

	/** Puts a claimed digest back in the queue until {@code at}. */
	void retryLater(long id, String node, Instant at, String error, boolean countAttempt) {
		this.jdbc.sql("""
				update subscriber_digest set state = 'pending', next_attempt_at = :at, last_error = :error,
				    claimed_by = null, lease_until = null,
				    attempts = case when :count then attempts else attempts - 1 end
				where id = :id and state = 'sending' and claimed_by = :node""")
			.param("at", Db.utc(at))
			.param("error", error)
			.param("count", countAttempt)
			.param("id", id)
			.param("node", node)
			.update();
	}

	/** A subscriber's digests, oldest first, for tests and operators. */
	List<Sent> of(long subscriberId) {
		return this.jdbc.sql("""
				select digest_date, state, stories from subscriber_digest where subscriber_id = :id
				order by digest_date""")
			.param("id", subscriberId)
			.query((rs, row) -> new Sent(rs.getObject("digest_date", LocalDate.class), rs.getString("state"),
					(Integer) rs.getObject("stories")))
			.list();
	}

	/**
	 * A claimed digest.
	 *
	 * @param id the row
	 * @param subscriberId to whom
	 * @param date its day
	 * @param windowStart stories released from then
	 * @param windowEnd to before then
	 * @param attempt 1 for the first try
	 */
	record Digest(long id, long subscriberId, LocalDate date, Instant windowStart, Instant windowEnd, int attempt) {
	}

	/**
	 * @param date the digest's day
	 * @param state where it stands
	 * @param stories how many stories it listed, once sent
	 */
	record Sent(LocalDate date, String state, Integer stories) {
	}

}
