package org.gazette.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TopicRepository {

	private static final String COLUMNS = "id, slug, name, description";

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

	boolean slugExists(String slug) {
		return this.jdbc.sql("select count(*) from topic where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Topic> findBySlug(String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from topic where slug = :slug")
			.param("slug", slug)
			.query(TopicRepository::topic)
			.optional();
	}

	List<Topic> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from topic order by name, id")
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

	private static Topic topic(ResultSet rs, int row) throws SQLException {
		return new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"));
	}

}
