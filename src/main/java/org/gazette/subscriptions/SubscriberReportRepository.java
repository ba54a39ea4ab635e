package org.gazette.subscriptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only figures for the back office: counts, recent sends, the subscriber list. */
@Repository
class SubscriberReportRepository {

	private final JdbcClient jdbc;

	SubscriberReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Subscribers per status; statuses nobody has are missing. */
	Map<SubscriberStatus, Long> countByStatus() {
		Map<SubscriberStatus, Long> counts = new TreeMap<>();
		this.jdbc.sql("select status, count(*) as n from subscriber group by status")
			.query((rs, row) -> counts.put(SubscriberStatus.fromCode(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	/** Confirmed subscribers of every story. */
	long confirmedForAllStories() {
		return this.jdbc.sql("select count(*) from subscriber where status = 'confirmed' and all_stories")
			.query(Long.class)
			.single();
	}

	/** Confirmed subscribers per story type code. */
	Map<String, Long> confirmedPerType() {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql("""
				select st.type_code, count(*) as n from subscriber_type st
				join subscriber s on s.id = st.subscriber_id and s.status = 'confirmed'
				group by st.type_code""")
			.query((rs, row) -> counts.put(rs.getString("type_code"), rs.getLong("n")))
			.list();
		return counts;
	}

	/** The stories most recently emailed, with how many emails went out or failed. */
	List<SendRow> recentSends(int limit) {
		return this.jdbc.sql("""
				select article_id, max(finished_at) as last_at,
				       sum(case when state = 'sent' then 1 else 0 end) as sent,
				       sum(case when state = 'failed' then 1 else 0 end) as failed
				from subscriber_delivery where state in ('sent', 'failed')
				group by article_id order by last_at desc, article_id desc""")
			.query((rs, row) -> new SendRow(rs.getLong("article_id"), Db.instant(rs, "last_at"), rs.getLong("sent"),
					rs.getLong("failed")))
			.stream()
			.limit(limit)
			.toList();
	}

	/** The latest emails given up on, newest first. */
	List<FailureRow> recentFailures(int limit) {
		return this.jdbc.sql("""
				select d.article_id, d.finished_at, d.last_error, s.email from subscriber_delivery d
				join subscriber s on s.id = d.subscriber_id
				where d.state = 'failed' order by d.finished_at desc, d.id desc""")
			.query((rs, row) -> new FailureRow(rs.getLong("article_id"), Db.instant(rs, "finished_at"),
					rs.getString("email"), rs.getString("last_error")))
			.stream()
			.limit(limit)
			.toList();
	}

	/** Every subscriber with its choices, oldest first. */
	List<SubscriberExport> all() {
		Map<Long, List<Long>> topics = new HashMap<>();
		this.jdbc.sql("select subscriber_id, topic_id from subscriber_topic order by topic_id")
			.query((rs, row) -> topics.computeIfAbsent(rs.getLong("subscriber_id"), (id) -> new ArrayList<>())
				.add(rs.getLong("topic_id")))
			.list();
		Map<Long, List<String>> types = new HashMap<>();
		this.jdbc.sql("select subscriber_id, type_code from subscriber_type order by type_code")
			.query((rs, row) -> types.computeIfAbsent(rs.getLong("subscriber_id"), (id) -> new ArrayList<>())
				.add(rs.getString("type_code")))
			.list();
		return this.jdbc.sql("""
				select id, email, status, all_stories, frequency, created_at, confirmed_at, bounced_at
				from subscriber order by id""")
			.query((rs, row) -> new SubscriberExport(rs.getString("email"),
					SubscriberStatus.fromCode(rs.getString("status")), rs.getBoolean("all_stories"),
					topics.getOrDefault(rs.getLong("id"), List.of()), types.getOrDefault(rs.getLong("id"), List.of()),
					rs.getString("frequency"), Db.instant(rs, "created_at"), Db.instant(rs, "confirmed_at"),
					Db.instant(rs, "bounced_at")))
			.list();
	}

	record SendRow(long articleId, java.time.Instant at, long sent, long failed) {
	}

	record FailureRow(long articleId, java.time.Instant at, String email, String reason) {
	}

	record SubscriberExport(String email, SubscriberStatus status, boolean allStories, List<Long> topicIds,
			List<String> typeCodes, String frequency, java.time.Instant createdAt, java.time.Instant confirmedAt,
			java.time.Instant bouncedAt) {
	}

}
