package org.gazette.content;

import java.time.Instant;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The editorial side of the article row: its slug and working revision. */
@Repository
class ArticleRepository {

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String slug, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into article (slug, created_at) values (:slug, :now)")
			.param("slug", slug)
			.param("now", Db.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean slugExists(String slug) {
		return this.jdbc.sql("select count(*) from article where language = 'en' and slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Takes the article's row lock for the rest of the transaction; empty when there is
	 * none.
	 */
	Optional<Long> lock(long articleId) {
		return this.jdbc.sql("select id from article where id = :id for update")
			.param("id", articleId)
			.query(Long.class)
			.optional();
	}

	void pointWorkingRevision(long articleId, long revisionId) {
		this.jdbc.sql("update article set working_revision_id = :revision, version = version + 1 where id = :id")
			.param("revision", revisionId)
			.param("id", articleId)
			.update();
	}

	Optional<Long> workingRevisionId(long articleId) {
		return this.jdbc.sql("select working_revision_id from article where id = :id")
			.param("id", articleId)
			.query(Long.class)
			.optional();
	}

	Optional<Long> idBySlug(String slug) {
		return this.jdbc.sql("select id from article where language = 'en' and slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	long count() {
		return this.jdbc.sql("select count(*) from article").query(Long.class).single();
	}

}
