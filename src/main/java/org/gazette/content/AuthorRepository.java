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
class AuthorRepository {

	private static final String COLUMNS = "id, slug, name, job_title, bio_html";

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

	boolean slugExists(String slug) {
		return this.jdbc.sql("select count(*) from author where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Author> findBySlug(String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from author where slug = :slug")
			.param("slug", slug)
			.query(AuthorRepository::author)
			.optional();
	}

	List<Author> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from author order by name, id")
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

	long count() {
		return this.jdbc.sql("select count(*) from author").query(Long.class).single();
	}

	private static Author author(ResultSet rs, int row) throws SQLException {
		return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
				(rs.getString("job_title") != null) ? rs.getString("job_title") : "", rs.getString("bio_html"));
	}

}
