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
class AuthorRepository {

	private static final String COLUMNS = "id, slug, name, job_title, bio_html, bio_markdown, merged_into_id";

	private final JdbcClient jdbc;

	AuthorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewAuthor author, String bioHtml, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into author (slug, name, job_title, bio_markdown, bio_html, created_at, updated_at)
				values (:slug, :name, :jobTitle, :bioMarkdown, :bioHtml, :now, :now)
				""")
			.param("slug", author.slug())
			.param("name", author.name())
			.param("jobTitle", author.jobTitle())
			.param("bioMarkdown", author.bioMarkdown())
			.param("bioHtml", bioHtml)
			.param("now", Db.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, NewAuthor author, String bioHtml, Instant now) {
		this.jdbc.sql("""
				update author set slug = :slug, name = :name, job_title = :jobTitle, bio_markdown = :bioMarkdown,
				       bio_html = :bioHtml, updated_at = :now
				where id = :id
				""")
			.param("slug", author.slug())
			.param("name", author.name())
			.param("jobTitle", author.jobTitle())
			.param("bioMarkdown", author.bioMarkdown())
			.param("bioHtml", bioHtml)
			.param("now", Db.utc(now))
			.param("id", id)
			.update();
	}

	/**
	 * Merges the duplicate, and whatever was merged into it before, into the survivor;
	 * one hop from any merged profile to its survivor, always.
	 */
	void merge(long duplicateId, long survivorId, Instant now) {
		this.jdbc.sql("""
				update author set merged_into_id = :survivor, updated_at = :now
				where id = :duplicate or merged_into_id = :duplicate
				""").param("survivor", survivorId).param("duplicate", duplicateId).param("now", Db.utc(now)).update();
	}

	/**
	 * Takes the row locks of the given authors, in id order so two merges cannot
	 * deadlock.
	 */
	List<Author> lock(Collection<Long> ids) {
		return this.jdbc.sql("select " + COLUMNS + " from author where id in (:ids) order by id for update")
			.param("ids", ids)
			.query(AuthorRepository::author)
			.list();
	}

	boolean slugExists(String slug) {
		return this.jdbc.sql("select count(*) from author where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Author> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from author where id = :id")
			.param("id", id)
			.query(AuthorRepository::author)
			.optional();
	}

	/**
	 * Keeps the address the author had before its slug changed, so that it sends readers
	 * on; an address kept for another author before moves to this one.
	 */
	void keepFormerSlug(long id, String slug, Instant now) {
		forgetFormerSlug(slug);
		this.jdbc.sql("insert into author_former_slug (slug, author_id, changed_at) values (:slug, :id, :now)")
			.param("slug", slug)
			.param("id", id)
			.param("now", Db.utc(now))
			.update();
	}

	/** A profile takes this address: it no longer sends readers elsewhere. */
	void forgetFormerSlug(String slug) {
		this.jdbc.sql("delete from author_former_slug where slug = :slug").param("slug", slug).update();
	}

	/** The author that had this address before its slug changed, if any. */
	Optional<Long> idByFormerSlug(String slug) {
		return this.jdbc.sql("select author_id from author_former_slug where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	/** The profile at this address, merged or not. */
	Optional<Author> findBySlug(String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from author where slug = :slug")
			.param("slug", slug)
			.query(AuthorRepository::author)
			.optional();
	}

	/** Profiles in use, not those merged into others. */
	List<Author> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from author where merged_into_id is null order by name, id")
			.query(AuthorRepository::author)
			.list();
	}

	List<Author> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from author where id in (:ids)")
			.param("ids", ids)
			.query(AuthorRepository::author)
			.list();
	}

	/** For each of the given ids that exists, the id of the profile in use for it. */
	Map<Long, Long> survivors(Collection<Long> ids) {
		Map<Long, Long> survivors = new HashMap<>();
		for (Author author : findByIds(ids)) {
			survivors.put(author.id(), author.merged() ? author.mergedIntoId() : author.id());
		}
		return survivors;
	}

	/** The author and every duplicate merged into it: all the ids its stories credit. */
	List<Long> withMerged(long id) {
		return this.jdbc.sql("select id from author where id = :id or merged_into_id = :id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from author").query(Long.class).single();
	}

	private static Author author(ResultSet rs, int row) throws SQLException {
		return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
				(rs.getString("job_title") != null) ? rs.getString("job_title") : "", rs.getString("bio_html"),
				rs.getString("bio_markdown"), rs.getObject("merged_into_id", Long.class));
	}

}
