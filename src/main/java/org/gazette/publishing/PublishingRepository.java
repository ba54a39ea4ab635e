package org.gazette.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The public side of the article row: which revision is published, when, and history. */
@Repository
class PublishingRepository {

	/** What publishing needs to know of an article, read under its row lock. */
	record ArticleState(long id, Long workingRevisionId, Long publishedRevisionId, Instant releaseAt,
			Instant firstPublishedAt, Instant unpublishedAt) {
	}

	private final JdbcClient jdbc;

	PublishingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ArticleState> lock(long articleId) {
		return this.jdbc.sql("""
				select id, working_revision_id, published_revision_id, release_at, first_published_at, unpublished_at
				from article where id = :id for update
				""")
			.param("id", articleId)
			.query((rs, n) -> new ArticleState(rs.getLong("id"), (Long) rs.getObject("working_revision_id", Long.class),
					rs.getObject("published_revision_id", Long.class), Db.instant(rs, "release_at"),
					Db.instant(rs, "first_published_at"), Db.instant(rs, "unpublished_at")))
			.optional();
	}

	/** As {@link #lock}, without the lock: for reads. */
	Optional<ArticleState> find(long articleId) {
		return this.jdbc.sql("""
				select id, working_revision_id, published_revision_id, release_at, first_published_at, unpublished_at
				from article where id = :id
				""")
			.param("id", articleId)
			.query((rs, n) -> new ArticleState(rs.getLong("id"), rs.getObject("working_revision_id", Long.class),
					rs.getObject("published_revision_id", Long.class), Db.instant(rs, "release_at"),
					Db.instant(rs, "first_published_at"), Db.instant(rs, "unpublished_at")))
			.optional();
	}

	void markPublished(long articleId, long revisionId, Instant releaseAt, Instant firstPublishedAt,
			Instant lastPublicUpdateAt) {
		this.jdbc.sql("""
				update article set state = 'published', published_revision_id = :revision, release_at = :release,
				       first_published_at = :first, last_public_update_at = :updated, unpublished_at = null,
				       version = version + 1
				where id = :id
				""")
			.param("revision", revisionId)
			.param("release", Db.utc(releaseAt))
			.param("first", Db.utc(firstPublishedAt))
			.param("updated", Db.utc(lastPublicUpdateAt))
			.param("id", articleId)
			.update();
	}

	/**
	 * As {@link #markPublished} for each story, with one statement for all of them: each
	 * is published as its one publication says (its revision and release), the release
	 * being its first publication and its last public update too. For new stories only.
	 * @param moreSteps steps the version takes besides this one's
	 */
	void markPublishedAsPublications(List<Long> articleIds, int moreSteps) {
		this.jdbc.sql("""
				update article set state = 'published', unpublished_at = null, version = version + 1 + :steps,
				       (published_revision_id, release_at, first_published_at, last_public_update_at) =
				       (select p.revision_id, p.release_at, p.release_at, p.release_at from publication p
				        where p.article_id = article.id order by p.id desc limit 1)
				where id in (:ids)
				""").param("steps", moreSteps).param("ids", articleIds).update();
	}

	void markUnpublished(long articleId, Instant at) {
		this.jdbc
			.sql("update article set unpublished_at = :at, state = 'unpublished', version = version + 1 where id = :id")
			.param("at", Db.utc(at))
			.param("id", articleId)
			.update();
	}

	void moveRelease(long articleId, Instant releaseAt, Instant firstPublishedAt) {
		this.jdbc.sql("""
				update article set release_at = :release, first_published_at = :first, last_public_update_at = :release,
				       version = version + 1
				where id = :id
				""")
			.param("release", Db.utc(releaseAt))
			.param("first", Db.utc(firstPublishedAt))
			.param("id", articleId)
			.update();
	}

	void clearPublication(long articleId) {
		this.jdbc.sql("""
				update article set published_revision_id = null, release_at = null, first_published_at = null,
				       last_public_update_at = null, version = version + 1
				where id = :id
				""").param("id", articleId).update();
	}

	/** Records a publication; returns its id. */
	/**
	 * A publication for {@link #insertPublications}: the arguments of
	 * {@link #insertPublication}.
	 */
	record NewPublication(long articleId, long revisionId, Instant publishedAt, Instant releaseAt, String changeKind,
			String changeNote) {
	}

	/**
	 * As {@link #insertPublication} for each, in order; returns their ids in that order.
	 */
	List<Long> insertPublications(List<NewPublication> publications) {
		return RowInserts.insertReturningIds(this.jdbc,
				"insert into publication (article_id, revision_id, published_at, release_at, change_kind, change_note)",
				publications.stream()
					.map((p) -> new Object[] { p.articleId(), p.revisionId(), Db.utc(p.publishedAt()),
							Db.utc(p.releaseAt()), p.changeKind(), p.changeNote() })
					.toList());
	}

	long insertPublication(long articleId, long revisionId, Instant publishedAt, Instant releaseAt, String changeKind,
			String changeNote) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into publication (article_id, revision_id, published_at, release_at, change_kind, change_note)
				values (:article, :revision, :published, :release, :kind, :note)
				""")
			.param("article", articleId)
			.param("revision", revisionId)
			.param("published", Db.utc(publishedAt))
			.param("release", Db.utc(releaseAt))
			.param("kind", changeKind)
			.param("note", changeNote)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
