package org.gazette.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TopicRepository {

	private static final String COLUMNS = "id, slug, name, description, merged_into_id";

	private final JdbcClient jdbc;

	TopicRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewTopic topic, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into topic (slug, name, description, created_at, updated_at)
				values (:slug, :name, :description, :now, :now)
				""")
			.param("slug", topic.slug())
			.param("name", topic.name())
			.param("description", topic.description())
			.param("now", Db.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, NewTopic topic, Instant now) {
		this.jdbc.sql("""
				update topic set slug = :slug, name = :name, description = :description, updated_at = :now
				where id = :id
				""")
			.param("slug", topic.slug())
			.param("name", topic.name())
			.param("description", topic.description())
			.param("now", Db.utc(now))
			.param("id", id)
			.update();
	}

	/**
	 * As {@link AuthorRepository#merge}: one hop from any merged topic to its survivor.
	 */
	void merge(long duplicateId, long survivorId, Instant now) {
		this.jdbc.sql("""
				update topic set merged_into_id = :survivor, updated_at = :now
				where id = :duplicate or merged_into_id = :duplicate
				""").param("survivor", survivorId).param("duplicate", duplicateId).param("now", Db.utc(now)).update();
	}

	List<Topic> lock(Collection<Long> ids) {
		return this.jdbc.sql("select " + COLUMNS + " from topic where id in (:ids) order by id for update")
			.param("ids", ids)
			.query(TopicRepository::topic)
			.list();
	}

	boolean slugExists(String slug) {
		return this.jdbc.sql("select count(*) from topic where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Topic> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from topic where id = :id")
			.param("id", id)
			.query(TopicRepository::topic)
			.optional();
	}

	/**
	 * Keeps the address the topic had before its slug changed, so that it sends readers
	 * on; an address kept for another topic before moves to this one.
	 */
	void keepFormerSlug(long id, String slug, Instant now) {
		forgetFormerSlug(slug);
		this.jdbc.sql("insert into topic_former_slug (slug, topic_id, changed_at) values (:slug, :id, :now)")
			.param("slug", slug)
			.param("id", id)
			.param("now", Db.utc(now))
			.update();
	}

	/** A profile takes this address: it no longer sends readers elsewhere. */
	void forgetFormerSlug(String slug) {
		this.jdbc.sql("delete from topic_former_slug where slug = :slug").param("slug", slug).update();
	}

	/** The topic that had this address before its slug changed, if any. */
	Optional<Long> idByFormerSlug(String slug) {
		return this.jdbc.sql("select topic_id from topic_former_slug where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	Optional<Topic> findBySlug(String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from topic where slug = :slug")
			.param("slug", slug)
			.query(TopicRepository::topic)
			.optional();
	}

	/** Topics in use, not those merged into others. */
	List<Topic> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from topic where merged_into_id is null order by name, id")
			.query(TopicRepository::topic)
			.list();
	}

	List<Topic> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from topic where id in (:ids)")
			.param("ids", ids)
			.query(TopicRepository::topic)
			.list();
	}

	Map<Long, Long> survivors(Collection<Long> ids) {
		Map<Long, Long> survivors = new HashMap<>();
		for (Topic topic : findByIds(ids)) {
			survivors.put(topic.id(), topic.merged() ? topic.mergedIntoId() : topic.id());
		}
		return survivors;
	}

	List<Long> withMerged(long id) {
		return this.jdbc.sql("select id from topic where id = :id or merged_into_id = :id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	private static Topic topic(ResultSet rs, int row) throws SQLException {
		return new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
				rs.getObject("merged_into_id", Long.class));
	}

}
