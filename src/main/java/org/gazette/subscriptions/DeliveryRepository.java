package org.gazette.subscriptions;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue of story emails: one row per subscriber and story, claimed by nodes as a
 * {@link LeasedQueue}.
 */
@Repository
class DeliveryRepository {

	private static final String MATCHING = """
			s.status = 'confirmed' and s.frequency = 'immediate'
			and (s.all_stories
			     or exists (select 1 from subscriber_topic st where st.subscriber_id = s.id and st.topic_id in (:topics))
			     or exists (select 1 from subscriber_type sy where sy.subscriber_id = s.id and sy.type_code = :type))""";

	private final JdbcClient jdbc;

	private final LeasedQueue queue;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.queue = new LeasedQueue(jdbc, "subscriber_delivery");
	}

	/**
	 * Queues the story for every confirmed subscriber who follows it, once: subscribers
	 * already queued for it are left as they are.
	 * @return how many were queued now
	 */
	int enqueue(long articleId, Collection<Long> topicIds, String typeCode, Instant now) {
		return enqueue(articleId, topicIds, typeCode, now, 0, Long.MAX_VALUE);
	}

	/**
	 * Queues the story, as {@link #enqueue(long, Collection, String, Instant)}, for the
	 * subscribers with ids in {@code (after, upTo]} only.
	 * @return how many were queued now
	 */
	int enqueue(long articleId, Collection<Long> topicIds, String typeCode, Instant now, long after, long upTo) {
		return this.jdbc
			.sql("""
					insert into subscriber_delivery (subscriber_id, article_id, state, attempts, next_attempt_at, created_at)
					select s.id, :article, 'pending', 0, :now, :now from subscriber s
					where s.id > :after and s.id <= :upTo and %s
					and not exists (select 1 from subscriber_delivery d where d.subscriber_id = s.id and d.article_id = :article)"""
				.formatted(MATCHING))
			.param("article", articleId)
			.param("topics", topicIds(topicIds))
			.param("type", typeCode)
			.param("now", Db.utc(now))
			.param("after", after)
			.param("upTo", upTo)
			.update();
	}

	/**
	 * The id that ends the next chunk of at most {@code size} subscribers, after
	 * {@code after} in id order, who follow a story of these topics and type; empty when
	 * none is left.
	 */
	OptionalLong chunkEnd(long after, int size, Collection<Long> topicIds, String typeCode) {
		List<Long> last = this.jdbc.sql("""
				select max(c.id) from (select s.id from subscriber s where s.id > :after and %s
				order by s.id limit :size) c""".formatted(MATCHING))
			.param("after", after)
			.param("size", size)
			.param("topics", topicIds(topicIds))
			.param("type", typeCode)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list();
		return (last.isEmpty() || last.get(0) == null) ? OptionalLong.empty() : OptionalLong.of(last.get(0));
	}

	private static List<Long> topicIds(Collection<Long> topicIds) {
		// "in ()" is not SQL; no topic has id -1.
		return topicIds.isEmpty() ? List.of(-1L) : List.copyOf(topicIds);
	}

	/**
	 * Claims up to {@code limit} due rows for this node ({@link LeasedQueue#claim}); call
	 * inside a transaction, which commits the claim.
	 */
	List<Delivery> claim(String node, Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = this.queue.claim(node, now, leaseUntil, limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select d.id, d.subscriber_id, d.article_id, d.attempts from subscriber_delivery d
				where d.id in (:ids) order by d.id""")
			.param("ids", ids)
			.query((rs, row) -> new Delivery(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getLong("article_id"),
					rs.getInt("attempts")))
			.list();
	}

	/**
	 * Ends a claimed row in a final state (sent, failed or skipped); false when another
	 * node took it over meanwhile.
	 */
	boolean finish(long id, String node, String state, Instant now, String error) {
		return this.queue.finish(List.of(id), node, state, now, error) == 1;
	}

	/**
	 * Ends claimed rows in the same final state at once.
	 * @return how many were still this node's
	 */
	int finishAll(Collection<Long> ids, String node, String state, Instant now, String error) {
		return this.queue.finish(ids, node, state, now, error);
	}

	/** Puts a claimed row back in the queue until {@code at}. */
	void retryLater(long id, String node, Instant at, String error, boolean countAttempt) {
		this.queue.retryLater(id, node, at, error, countAttempt);
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
