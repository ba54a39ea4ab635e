package org.gazette.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Preview links, stored as hashes of their tokens. */
@Repository
class PreviewLinkRepository {

	/** A link with the hash its token is stored as, for the check after the lookup. */
	record Found(PreviewLink link, String tokenSha256) {
	}

	private static final String SELECT = """
			select p.id, p.article_id, p.revision_id, r.number, p.created_by, p.created_at, p.expires_at,
			       p.revoked_at, p.revoked_by, p.token_sha256
			from preview_link p
			join revision r on r.id = p.revision_id
			""";

	private final JdbcClient jdbc;

	PreviewLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long articleId, long revisionId, String tokenSha256, String by, Instant createdAt, Instant expiresAt) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into preview_link (article_id, revision_id, token_sha256, created_by, created_at, expires_at)
				values (:article, :revision, :sha, :by, :created, :expires)
				""")
			.param("article", articleId)
			.param("revision", revisionId)
			.param("sha", tokenSha256)
			.param("by", by)
			.param("created", Db.utc(createdAt))
			.param("expires", Db.utc(expiresAt))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Found> findByHash(String tokenSha256) {
		return this.jdbc.sql(SELECT + "where p.token_sha256 = :sha")
			.param("sha", tokenSha256)
			.query((rs, n) -> new Found(link(rs), rs.getString("token_sha256")))
			.optional();
	}

	Optional<PreviewLink> find(long id) {
		return this.jdbc.sql(SELECT + "where p.id = :id").param("id", id).query((rs, n) -> link(rs)).optional();
	}

	/** A story's links, newest first, those that no longer work included. */
	List<PreviewLink> findByArticle(long articleId) {
		return this.jdbc.sql(SELECT + "where p.article_id = :article order by p.created_at desc, p.id desc")
			.param("article", articleId)
			.query((rs, n) -> link(rs))
			.list();
	}

	/**
	 * Revokes the link unless it is revoked already; the update is the check, so two
	 * people revoking at once record one revocation.
	 * @return whether this call revoked it
	 */
	boolean revoke(long id, String by, Instant at) {
		return this.jdbc.sql("""
				update preview_link set revoked_at = :at, revoked_by = :by
				where id = :id and revoked_at is null
				""").param("at", Db.utc(at)).param("by", by).param("id", id).update() == 1;
	}

	private static PreviewLink link(ResultSet rs) throws SQLException {
		return new PreviewLink(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("revision_id"),
				rs.getInt("number"), rs.getString("created_by"), Db.instant(rs, "created_at"),
				Db.instant(rs, "expires_at"), Db.instant(rs, "revoked_at"), rs.getString("revoked_by"));
	}

}
