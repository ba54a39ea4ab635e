package org.gazette.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Revisions are only ever inserted; this class has no update or delete on purpose. */
@Repository
class RevisionRepository {

	private final JdbcClient jdbc;

	RevisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The id of the stored body for this Markdown, inserting it only if no revision has
	 * had the same body before.
	 * <p>
	 * The unique key on {@code sha256} decides, not a {@code where not exists} read
	 * beforehand: H2 2.4 with a statement cache of 128 ran such an insert, reused from
	 * its cache, as if the body were not there and failed on the key when a second story
	 * had the same body; on PostgreSQL two editors saving the same body at once raced the
	 * same way. H2 in PostgreSQL mode takes {@code on conflict do nothing} only without a
	 * column list; the only key it can meet here is {@code sha256}'s (the id is
	 * generated).
	 */
	long body(String markdown, String html) {
		String sha256 = sha256(MarkdownRenderer.VERSION + "\n" + markdown);
		this.jdbc.sql("""
				insert into revision_body (sha256, markdown, html) values (:sha256, :markdown, :html)
				on conflict do nothing
				""").param("sha256", sha256).param("markdown", markdown).param("html", html).update();
		return this.jdbc.sql("select id from revision_body where sha256 = :sha256")
			.param("sha256", sha256)
			.query(Long.class)
			.single();
	}

	/**
	 * A revision to insert with {@link #insertAll}.
	 *
	 * @param html its body rendered
	 * @param bodyMediaIds the library items the body links to
	 */
	record NewRevision(long articleId, int number, RevisionDraft draft, String html, List<Long> bodyMediaIds) {
	}

	/**
	 * Inserts the revisions as {@link #body} and {@link #insert} do each, with a few
	 * statements for all of them (decision 0025): the same rows, in the same order.
	 * @return the revisions' ids, in the order given
	 */
	List<Long> insertAll(List<NewRevision> revisions, Instant now, String by) {
		// Bodies: each stored once; a body met twice in the list is inserted once, as the
		// second single insert would do nothing.
		Map<String, Object[]> bodies = new LinkedHashMap<>();
		List<String> hashes = new ArrayList<>(revisions.size());
		for (NewRevision revision : revisions) {
			String markdown = revision.draft().bodyMarkdown();
			String sha256 = sha256(MarkdownRenderer.VERSION + "\n" + markdown);
			hashes.add(sha256);
			bodies.putIfAbsent(sha256, new Object[] { sha256, markdown, revision.html() });
		}
		RowInserts.insert(this.jdbc, "insert into revision_body (sha256, markdown, html)", "on conflict do nothing",
				List.copyOf(bodies.values()));
		Map<String, Long> bodyIds = new HashMap<>();
		this.jdbc.sql("select id, sha256 from revision_body where sha256 in (:hashes)")
			.param("hashes", List.copyOf(bodies.keySet()))
			.query((rs) -> {
				bodyIds.put(rs.getString("sha256"), rs.getLong("id"));
			});
		List<Object[]> rows = new ArrayList<>(revisions.size());
		for (int i = 0; i < revisions.size(); i++) {
			NewRevision revision = revisions.get(i);
			RevisionDraft draft = revision.draft();
			rows.add(new Object[] { revision.articleId(), revision.number(), draft.type().code(), draft.title(),
					draft.summary(), draft.dateline(), bodyIds.get(hashes.get(i)), draft.changeKind().code(),
					draft.changeNote(), Db.utc(now), by, draft.message(), draft.heroMediaId() });
		}
		List<Long> ids = RowInserts.insertReturningIds(this.jdbc, """
				insert into revision (article_id, number, type_code, title, summary, dateline, body_id,
				                      change_kind, change_note, created_at, created_by, message, hero_media_id)""",
				rows);
		List<Object[]> authors = new ArrayList<>();
		List<Object[]> topics = new ArrayList<>();
		List<Object[]> media = new ArrayList<>();
		for (int i = 0; i < revisions.size(); i++) {
			long revisionId = ids.get(i);
			RevisionDraft draft = revisions.get(i).draft();
			for (int p = 0; p < draft.authorIds().size(); p++) {
				authors.add(new Object[] { revisionId, p, draft.authorIds().get(p) });
			}
			for (long topicId : draft.topicIds()) {
				topics.add(new Object[] { revisionId, topicId });
			}
			if (draft.heroMediaId() != null) {
				media.add(new Object[] { revisionId, draft.heroMediaId(), "hero", 0 });
			}
			for (long mediaId : revisions.get(i).bodyMediaIds()) {
				media.add(new Object[] { revisionId, mediaId, "body", 0 });
			}
			for (int d = 0; d < draft.documentIds().size(); d++) {
				media.add(new Object[] { revisionId, draft.documentIds().get(d), "document", d });
			}
		}
		if (!authors.isEmpty()) {
			RowInserts.insert(this.jdbc, "insert into revision_author (revision_id, position, author_id)", "", authors);
		}
		if (!topics.isEmpty()) {
			RowInserts.insert(this.jdbc, "insert into revision_topic (revision_id, topic_id)", "", topics);
		}
		if (!media.isEmpty()) {
			RowInserts.insert(this.jdbc, "insert into revision_media (revision_id, media_id, used_as, list_order)", "",
					media);
		}
		return ids;
	}

	int nextNumber(long articleId) {
		return this.jdbc.sql("select coalesce(max(number), 0) + 1 from revision where article_id = :article")
			.param("article", articleId)
			.query(Integer.class)
			.single();
	}

	/**
	 * A new revision with its bylines, topics and what it takes from the media library.
	 * @param bodyMediaIds the library items the body links to
	 */
	long insert(long articleId, int number, RevisionDraft draft, long bodyId, List<Long> bodyMediaIds, Instant now,
			String by) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into revision (article_id, number, type_code, title, summary, dateline, body_id,
				                      change_kind, change_note, created_at, created_by, message, hero_media_id)
				values (:article, :number, :type, :title, :summary, :dateline, :body,
				        :changeKind, :changeNote, :now, :by, :message, :hero)
				""")
			.param("article", articleId)
			.param("number", number)
			.param("type", draft.type().code())
			.param("title", draft.title())
			.param("summary", draft.summary())
			.param("dateline", draft.dateline())
			.param("body", bodyId)
			.param("changeKind", draft.changeKind().code())
			.param("changeNote", draft.changeNote())
			.param("now", Db.utc(now))
			.param("by", by)
			.param("message", draft.message())
			.param("hero", draft.heroMediaId())
			.update(keys, "id");
		long revisionId = keys.getKeyAs(Long.class);
		for (int i = 0; i < draft.authorIds().size(); i++) {
			this.jdbc.sql("insert into revision_author (revision_id, position, author_id) values (:r, :p, :a)")
				.param("r", revisionId)
				.param("p", i)
				.param("a", draft.authorIds().get(i))
				.update();
		}
		for (long topicId : draft.topicIds()) {
			this.jdbc.sql("insert into revision_topic (revision_id, topic_id) values (:r, :t)")
				.param("r", revisionId)
				.param("t", topicId)
				.update();
		}
		if (draft.heroMediaId() != null) {
			media(revisionId, draft.heroMediaId(), "hero", 0);
		}
		for (long mediaId : bodyMediaIds) {
			media(revisionId, mediaId, "body", 0);
		}
		for (int i = 0; i < draft.documentIds().size(); i++) {
			media(revisionId, draft.documentIds().get(i), "document", i);
		}
		return revisionId;
	}

	private void media(long revisionId, long mediaId, String usedAs, int order) {
		this.jdbc.sql("""
				insert into revision_media (revision_id, media_id, used_as, list_order)
				values (:r, :m, :usedAs, :order)
				""").param("r", revisionId).param("m", mediaId).param("usedAs", usedAs).param("order", order).update();
	}

	Optional<Revision> find(long revisionId) {
		List<Long> documents = this.jdbc.sql("""
				select media_id from revision_media where revision_id = :r and used_as = 'document'
				order by list_order
				""").param("r", revisionId).query(Long.class).list();
		List<Long> authors = this.jdbc
			.sql("select author_id from revision_author where revision_id = :r order by position")
			.param("r", revisionId)
			.query(Long.class)
			.list();
		List<Long> topics = this.jdbc
			.sql("select topic_id from revision_topic where revision_id = :r order by topic_id")
			.param("r", revisionId)
			.query(Long.class)
			.list();
		return this.jdbc.sql("""
				select r.*, b.markdown, b.html from revision r join revision_body b on b.id = r.body_id
				where r.id = :r
				""").param("r", revisionId).query((rs, row) -> revision(rs, authors, topics, documents)).optional();
	}

	Optional<Long> idByNumber(long articleId, int number) {
		return this.jdbc.sql("select id from revision where article_id = :article and number = :number")
			.param("article", articleId)
			.param("number", number)
			.query(Long.class)
			.optional();
	}

	/** The story's revisions, newest first, without their content. */
	List<RevisionSummary> history(long articleId, Long workingRevisionId, Long publishedRevisionId) {
		return this.jdbc.sql("""
				select id, number, created_at, created_by, message from revision
				where article_id = :article order by number desc
				""").param("article", articleId).query((rs, n) -> {
			long id = rs.getLong("id");
			return new RevisionSummary(id, rs.getInt("number"), Db.instant(rs, "created_at"),
					rs.getString("created_by"), rs.getString("message"),
					workingRevisionId != null && workingRevisionId == id,
					publishedRevisionId != null && publishedRevisionId == id);
		}).list();
	}

	/**
	 * How many distinct bodies are stored; shows that unchanged bodies are not copied.
	 */
	long bodyCount() {
		return this.jdbc.sql("select count(*) from revision_body").query(Long.class).single();
	}

	private static Revision revision(ResultSet rs, List<Long> authors, List<Long> topics, List<Long> documents)
			throws SQLException {
		return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getInt("number"),
				ArticleType.fromCode(rs.getString("type_code")).orElseThrow(), rs.getString("title"),
				rs.getString("summary"), rs.getString("dateline"), rs.getString("markdown"), rs.getString("html"),
				authors, topics, ChangeKind.valueOf(rs.getString("change_kind").toUpperCase(java.util.Locale.ROOT)),
				rs.getString("change_note"), Db.instant(rs, "created_at"), rs.getString("created_by"),
				rs.getString("message"), rs.getObject("hero_media_id", Long.class), documents);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
