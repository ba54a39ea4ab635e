package org.gazette.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Subscribers, their choices, their link tokens and the subscribe rate limit. */
@Repository
class SubscriberRepository {

	private final JdbcClient jdbc;

	SubscriberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Subscriber> findByEmail(String email) {
		return this.jdbc.sql("select id from subscriber where email = :email")
			.param("email", email)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	/** The subscriber, its row locked until the transaction ends. */
	Optional<Subscriber> lock(long id) {
		return this.jdbc.sql("select id from subscriber where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	/** The addresses of those of these subscribers who are confirmed, by id. */
	Map<Long, String> confirmedEmails(Collection<Long> ids) {
		Map<Long, String> emails = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, email from subscriber where id in (:ids) and status = 'confirmed'")
				.param("ids", List.copyOf(ids))
				.query((rs, row) -> emails.put(rs.getLong("id"), rs.getString("email")))
				.list();
		}
		return emails;
	}

	Optional<Subscriber> find(long id) {
		Set<Long> topics = new HashSet<>(
				this.jdbc.sql("select topic_id from subscriber_topic where subscriber_id = :id")
					.param("id", id)
					.query(Long.class)
					.list());
		Set<String> types = new HashSet<>(
				this.jdbc.sql("select type_code from subscriber_type where subscriber_id = :id")
					.param("id", id)
					.query(String.class)
					.list());
		return this.jdbc.sql("select id, email, status, all_stories, frequency from subscriber where id = :id")
			.param("id", id)
			.query((rs, row) -> new Subscriber(rs.getLong("id"), rs.getString("email"),
					SubscriberStatus.fromCode(rs.getString("status")),
					new Choices(rs.getBoolean("all_stories"), topics, types,
							Frequency.fromCode(rs.getString("frequency")))))
			.optional();
	}

	long insert(String email, Choices choices, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into subscriber (email, status, all_stories, frequency, created_at, updated_at)
				values (:email, 'pending', :all, :frequency, :now, :now)""")
			.param("email", email)
			.param("all", choices.allStories())
			.param("frequency", choices.frequency().code())
			.param("now", Db.utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		insertChoices(id, choices);
		return id;
	}

	void updateChoices(long id, Choices choices, Instant now) {
		this.jdbc.sql("""
				update subscriber set all_stories = :all, frequency = :frequency, updated_at = :now
				where id = :id""")
			.param("all", choices.allStories())
			.param("frequency", choices.frequency().code())
			.param("now", Db.utc(now))
			.param("id", id)
			.update();
		this.jdbc.sql("delete from subscriber_topic where subscriber_id = :id").param("id", id).update();
		this.jdbc.sql("delete from subscriber_type where subscriber_id = :id").param("id", id).update();
		insertChoices(id, choices);
	}

	private void insertChoices(long id, Choices choices) {
		for (Long topic : choices.topicIds()) {
			this.jdbc.sql("insert into subscriber_topic (subscriber_id, topic_id) values (:id, :topic)")
				.param("id", id)
				.param("topic", topic)
				.update();
		}
		for (String type : choices.typeCodes()) {
			this.jdbc.sql("insert into subscriber_type (subscriber_id, type_code) values (:id, :type)")
				.param("id", id)
				.param("type", type)
				.update();
		}
	}

	void changeStatus(long id, SubscriberStatus status, Instant now) {
		this.jdbc.sql("""
				update subscriber set status = :status, updated_at = :now,
				    confirmed_at = case when :status = 'confirmed' then :now else confirmed_at end,
				    bounced_at = case when :status = 'bounced' then :now else bounced_at end
				where id = :id""").param("status", status.code()).param("now", Db.utc(now)).param("id", id).update();
	}

	void addToken(String hash, long subscriberId, String purpose, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				insert into subscriber_token (token_hash, subscriber_id, purpose, created_at, expires_at)
				values (:hash, :subscriber, :purpose, :now, :expires)""")
			.param("hash", hash)
			.param("subscriber", subscriberId)
			.param("purpose", purpose)
			.param("now", Db.utc(now))
			.param("expires", Db.utc(expiresAt))
			.update();
	}

	/**
	 * Stores many tokens of one purpose in one statement.
	 * @param hashes each token's hash with the subscriber it opens for
	 */
	void addTokens(Map<String, Long> hashes, String purpose, Instant now, Instant expiresAt) {
		if (hashes.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		hashes.forEach((hash, subscriber) -> params
			.addAll(List.of(hash, subscriber, purpose, Db.utc(now), Db.utc(expiresAt))));
		this.jdbc
			.sql("insert into subscriber_token (token_hash, subscriber_id, purpose, created_at, expires_at) values "
					+ String.join(", ", Collections.nCopies(hashes.size(), "(?, ?, ?, ?, ?)")))
			.params(params)
			.update();
	}

	Optional<Token> findToken(String hash, String purpose) {
		return this.jdbc.sql(
				"select subscriber_id, expires_at from subscriber_token where token_hash = :hash and purpose = :purpose")
			.param("hash", hash)
			.param("purpose", purpose)
			.query((rs, row) -> new Token(rs.getLong("subscriber_id"), Db.instant(rs, "expires_at")))
			.optional();
	}

	/** A confirmation link works once; so do the earlier ones sent to the address. */
	void deleteTokens(long subscriberId, String purpose) {
		this.jdbc.sql("delete from subscriber_token where subscriber_id = :id and purpose = :purpose")
			.param("id", subscriberId)
			.param("purpose", purpose)
			.update();
	}

	int countRequests(String clientHash, Instant since) {
		return this.jdbc
			.sql("select count(*) from subscribe_request where client_hash = :client and requested_at > :since")
			.param("client", clientHash)
			.param("since", Db.utc(since))
			.query(Integer.class)
			.single();
	}

	void addRequest(String clientHash, Instant now) {
		this.jdbc.sql("insert into subscribe_request (client_hash, requested_at) values (:client, :now)")
			.param("client", clientHash)
			.param("now", Db.utc(now))
			.update();
	}

	/**
	 * Requests older than the window count for nothing; dropped so the table stays small.
	 */
	void forgetRequestsBefore(Instant before) {
		this.jdbc.sql("delete from subscribe_request where requested_at < :before")
			.param("before", Db.utc(before))
			.update();
	}

	/** Confirmed subscribers per topic id, and of every story under the key 0. */
	List<TopicCount> confirmedPerTopic() {
		return this.jdbc.sql("""
				select st.topic_id, count(*) as subscribers from subscriber_topic st
				join subscriber s on s.id = st.subscriber_id and s.status = 'confirmed'
				group by st.topic_id""")
			.query((rs, row) -> new TopicCount(rs.getLong("topic_id"), rs.getLong("subscribers")))
			.list();
	}

	/**
	 * @param subscriberId whose link it is
	 * @param expiresAt when it stops working
	 */
	record Token(long subscriberId, Instant expiresAt) {
	}

	record TopicCount(long topicId, long subscribers) {
	}

}
