package org.gazette.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue of story emails: one row per subscriber and story. Nodes claim due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so no two nodes take the same row and none waits for
 * another; a claim is a lease, so the rows of a node that stopped go back to the others.
 */
@Repository
class DeliveryRepository {

	private static final String MATCHING = """
			s.status = 'confirmed' and s.frequency = 'immediate'
			and (s.all_stories
			     or exists (select 1 from subscriber_topic st where st.subscriber_id = s.id and st.topic_id in (:topics))
			     or exists (select 1 from subscriber_type sy where sy.subscriber_id = s.id and sy.type_code = :type))""";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues the story for every confirmed subscriber who follows it, once: subscribers
	 * already queued for it are left as they are.
	 * @return how many were queued now
	 */
	int enqueue(long articleId, Collection<Long> topicIds, String typeCode, Instant now) {
		return this.jdbc
			.sql("""
					insert into subscriber_delivery (subscriber_id, article_id, state, attempts, next_attempt_at, created_at)
					select s.id, :article, 'pending', 0, :now, :now from subscriber s
					where %s
					and not exists (select 1 from subscriber_delivery d where d.subscriber_id = s.id and d.article_id = :article)"""
				.formatted(MATCHING))
			.param("article", articleId)
			.param("topics", topicIds.isEmpty() ? List.of(-1L) : List.copyOf(topicIds))
			.param("type", typeCode)
			.param("now", Db.utc(now))
			.update();
	}

	/**
	 * Claims up to {@code limit} due rows for this node (pending rows whose attempt is
	 * due, and rows whose node's lease ran out); call inside a transaction, which commits
	 * the claim.
	 */
	List<Delivery> claim(String node, Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = new ArrayList<>(lockDue("sending", "lease_until", now, limit));
		if (ids.size() < limit) {
			ids.addAll(lockDue("pending", "next_attempt_at", now, limit - ids.size()));
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("""
				update subscriber_delivery set state = 'sending', claimed_by = :node, lease_until = :lease,
				    attempts = attempts + 1
				where id in (:ids)""")
			.param("node", node)
			.param("lease", Db.utc(leaseUntil))
			.param("ids", ids)
			.update();
		return this.jdbc.sql("""
				select d.id, d.subscriber_id, d.article_id, d.attempts from subscriber_delivery d
				where d.id in (:ids) order by d.id""")
			.param("ids", ids)
			.query((rs, row) -> new Delivery(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getLong("article_id"),
					rs.getInt("attempts")))
			.list();
	}

	private List<Long> lockDue(String state, String dueColumn, Instant now, int limit) {
		return this.jdbc
			.sql("select id from subscriber_delivery where state = :state and " + dueColumn + " <= :now order by "
					+ dueColumn + ", id limit :limit for update skip locked")
			.param("state", state)
			.param("now", Db.utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Ends a claimed row in a final state (sent, failed or skipped); false when another
	 * node took it over meanwhile.
	 */
	boolean finish(long id, String node, String state, Instant now, String error) {
		return this.jdbc.sql("""
				update subscriber_delivery set state = :state, finished_at = :now, last_error = :error,
				    claimed_by = null, lease_until = null
				where id = :id and state = 'sending' and claimed_by = :node""")
			.param("state", state)
			.param("now", Db.utc(now))
			.param("error", error)
			.param("id", id)
			.param("node", node)
			.update() == 1;
	}

	/** Puts a claimed row back in the queue until {@code at}. */
	void retryLater(long id, String node, Instant at, String error, boolean countAttempt) {
		this.jdbc.sql("""
				update subscriber_delivery set state = 'pending', next_attempt_at = :at, last_error = :error,
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

	/**
	 * Which of these stories were queued for the subscriber as separate emails (before
	 * they chose the digest): a digest does not repeat them.
	 */
	List<Long> queuedFor(long subscriberId, Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(
				"select article_id from subscriber_delivery where subscriber_id = :subscriber and article_id in (:ids)")
			.param("subscriber", subscriberId)
			.param("ids", List.copyOf(articleIds))
			.query(Long.class)
			.list();
	}

	/** Rows per state, for the back office and tests. */
	List<StateCount> countByState() {
		return this.jdbc.sql("select state, count(*) as n from subscriber_delivery group by state order by state")
			.query((rs, row) -> new StateCount(rs.getString("state"), rs.getLong("n")))
			.list();
	}

	/**
	 * A claimed row.
	 *
	 * @param id the row
	 * @param subscriberId to whom
	 * @param articleId which story
	 * @param attempt 1 for the first try
	 */
	record Delivery(long id, long subscriberId, long articleId, int attempt) {
	}

	record StateCount(String state, long count) {
	}

}
