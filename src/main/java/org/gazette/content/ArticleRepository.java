package org.gazette.content;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The editorial side of the article row: its slug, working revision and version. */
@Repository
class ArticleRepository {

	/** The article row as the editor needs it. */
	record Stored(long id, String slug, String state, int version, Long workingRevisionId, Long publishedRevisionId,
			Instant releaseAt, String createdBy) {
	}

	private static final String COLUMNS = "id, slug, state, version, working_revision_id, published_revision_id, release_at, "
			// The creator is whoever saved the first revision, which is never changed.
			+ "(select r.created_by from revision r where r.article_id = article.id and r.number = 1) as created_by";

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String slug, Instant now, String by) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into article (slug, created_at) values (:slug, :now)")
			.param("slug", slug)
			.param("now", Db.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** A new story's row: its address and the draft its first revision will hold. */
	record NewArticle(String slug, RevisionDraft draft) {
	}

	/**
	 * Inserts the stories' rows as {@link #insert} and {@link #pointWorkingRevision}
	 * leave them, but for the working revision, which {@link #pointWorkingRevisions} sets
	 * once the revisions are saved; returns their ids in the same order.
	 */
	List<Long> insertAll(List<NewArticle> articles, Instant now, String by) {
		return RowInserts.insertReturningIds(this.jdbc, """
				insert into article (slug, created_at, version, working_title, working_type_code, updated_at,
				                     updated_by)""",
				articles.stream()
					.map((article) -> new Object[] { article.slug(), Db.utc(now), 1, article.draft().title(),
							article.draft().type().code(), Db.utc(now), by })
					.toList());
	}

	/**
	 * Points each new story of {@link #insertAll} at its one revision, with one statement
	 * for all of them: a row update per story was the dearest step of an import's batch.
	 */
	void pointWorkingRevisions(List<Long> articleIds) {
		this.jdbc
			.sql("""
					update article set working_revision_id = (select max(r.id) from revision r where r.article_id = article.id),
					       title_key = lower(working_title)
					where id in (:ids)
					""")
			.param("ids", articleIds)
			.update();
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
	Optional<Stored> lock(long articleId) {
		return this.jdbc.sql("select " + COLUMNS + " from article where id = :id for update")
			.param("id", articleId)
			.query((rs, n) -> row(rs))
			.optional();
	}

	Optional<Stored> find(long articleId) {
		return this.jdbc.sql("select " + COLUMNS + " from article where id = :id")
			.param("id", articleId)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/**
	 * Moves the working revision pointer, copies what the admin list shows of it onto the
	 * row, and bumps the version; returns the new version.
	 */
	int pointWorkingRevision(long articleId, long revisionId, RevisionDraft draft, Instant now, String by) {
		this.jdbc.sql("""
				update article set working_revision_id = :revision, version = version + 1,
				       working_title = :title, title_key = lower(:title), working_type_code = :type,
				       updated_at = :now, updated_by = :by
				where id = :id
				""")
			.param("revision", revisionId)
			.param("title", draft.title())
			.param("type", draft.type().code())
			.param("now", Db.utc(now))
			.param("by", by)
			.param("id", articleId)
			.update();
		return this.jdbc.sql("select version from article where id = :id")
			.param("id", articleId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Keeps a former address of the story; a no-op when it already has it (a story may
	 * move back to an earlier address, and away again). The unique key on the address
	 * decides, not a {@code not exists} read: see {@code RevisionRepository#body}.
	 */
	void keepFormerSlug(long articleId, String slug, Instant at, String by) {
		this.jdbc.sql("""
				insert into article_slug_history (language, slug, article_id, changed_at, changed_by)
				select 'en', :slug, :article, :at, :by from article where id = :article
				on conflict do nothing
				""").param("slug", slug).param("article", articleId).param("at", Db.utc(at)).param("by", by).update();
	}

	/** The story that had this address before its slug changed, if any. */
	Optional<Long> idByFormerSlug(String slug) {
		return this.jdbc.sql("select article_id from article_slug_history where language = 'en' and slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	/** Which of these slugs a story has now or had before. */
	Set<String> takenSlugs(List<String> slugs) {
		// The language is checked here, not in the query: with it there, H2 looks the
		// list up on the (language, slug) key's first column, reading every story's row.
		Set<String> taken = new HashSet<>();
		this.jdbc.sql("""
				select language, slug from article where slug in (:slugs)
				union all select language, slug from article_slug_history where slug in (:slugs)
				""").param("slugs", slugs).query((rs) -> {
			if ("en".equals(rs.getString("language"))) {
				taken.add(rs.getString("slug"));
			}
		});
		return taken;
	}

	/** The story's former addresses, most recently left first. */
	List<String> formerSlugs(long articleId) {
		return this.jdbc
			.sql("select slug from article_slug_history where article_id = :id order by changed_at desc, id desc")
			.param("id", articleId)
			.query(String.class)
			.list();
	}

	void changeSlug(long articleId, String slug) {
		this.jdbc.sql("update article set slug = :slug where id = :id")
			.param("slug", slug)
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

	private static Stored row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Stored(rs.getLong("id"), rs.getString("slug"), rs.getString("state"), rs.getInt("version"),
				rs.getObject("working_revision_id", Long.class), rs.getObject("published_revision_id", Long.class),
				Db.instant(rs, "release_at"), rs.getString("created_by"));
	}

}
