package org.gazette.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily digests: one row per subscriber and day, claimed by nodes as a
 * {@link LeasedQueue}, like the story emails.
 */
@Repository
class DigestRepository {

	private final JdbcClient jdbc;

	private final LeasedQueue queue;

	DigestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.queue = new LeasedQueue(jdbc, "subscriber_digest");
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
	 * Claims up to {@code limit} due digests for this node ({@link LeasedQueue#claim});
	 * call inside a transaction, which commits the claim.
	 */
	List<Digest> claim(String node, Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = this.queue.claim(node, now, leaseUntil, limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, subscriber_id, digest_date, window_start, window_end, attempts from subscriber_digest
				where id in (:ids) order by id""")
			.param("ids", ids)
			.query((rs, row) -> new Digest(rs.getLong("id"), rs.getLong("subscriber_id"),
					rs.getObject("digest_date", LocalDate.class), Db.instant(rs, "window_start"),
					Db.instant(rs, "window_end"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Ends a claimed digest in a final state (sent, failed or skipped), with the number
	 * of stories it listed if it went out; false when another node took it over
	 * meanwhile.
	 */
	boolean finish(long id, String node, String state, Instant now, Integer stories, String error) {
		if (stories != null) {
			// First, so that a digest is never final without its count.
			this.jdbc.sql("update subscriber_digest set stories = :stories where id = :id and claimed_by = :node")
				.param("stories", stories)
				.param("id", id)
				.param("node", node)
				.update();
		}
		return this.queue.finish(List.of(id), node, state, now, error) == 1;
	}

	/** Puts a claimed digest back in the queue until {@code at}. */
	void retryLater(long id, String node, Instant at, String error, boolean countAttempt) {
		this.queue.retryLater(id, node, at, error, countAttempt);
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
