package org.gazette.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Takedown records: appended, never changed; the newest one of a story is its current
 * one.
 */
@Repository
class TakedownRepository {

	private static final String COLUMNS = """
			id, article_id, kind, explanation, redirect_url, target_article_id, taken_down_at, taken_down_by""";

	private final JdbcClient jdbc;

	TakedownRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long articleId, TakedownKind kind, String explanation, String redirectUrl, Long targetArticleId,
			Instant at, String by) {
		this.jdbc.sql("""
				insert into takedown (article_id, kind, explanation, redirect_url, target_article_id, taken_down_at,
				                      taken_down_by)
				values (:article, :kind, :explanation, :url, :target, :at, :by)
				""")
			.param("article", articleId)
			.param("kind", kind.code())
			.param("explanation", explanation)
			.param("url", redirectUrl)
			.param("target", targetArticleId)
			.param("at", Db.utc(at))
			.param("by", by)
			.update();
	}

	/**
	 * The story's newest takedown record, whether or not it is still in force (the
	 * article's {@code unpublished_at} says that).
	 */
	Optional<TakedownRecord> newest(long articleId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from takedown where article_id = :id order by id desc fetch first 1 rows only")
			.param("id", articleId)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** Every takedown of the story, newest first. */
	List<TakedownRecord> history(long articleId) {
		return this.jdbc.sql("select " + COLUMNS + " from takedown where article_id = :id order by id desc")
			.param("id", articleId)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static TakedownRecord row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TakedownRecord(rs.getLong("id"), rs.getLong("article_id"),
				TakedownKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("explanation"),
				rs.getString("redirect_url"), rs.getObject("target_article_id", Long.class),
				Db.instant(rs, "taken_down_at"), rs.getString("taken_down_by"));
	}

}
