package org.gazette.migration;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What earlier imports brought in, by source and item id. */
@Repository
class ImportRepository {

	/**
	 * One imported item.
	 *
	 * @param articleId the story made from it
	 * @param revisionId the revision the import saved last
	 * @param fingerprint what was imported, hashed
	 */
	record Imported(long articleId, long revisionId, String fingerprint) {
	}

	private final JdbcClient jdbc;

	ImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Imported> find(String source, String itemId) {
		return this.jdbc.sql("""
				select article_id, revision_id, fingerprint from import_item
				where source = :source and item_id = :item
				""")
			.param("source", source)
			.param("item", itemId)
			.query((rs, n) -> new Imported(rs.getLong("article_id"), rs.getLong("revision_id"),
					rs.getString("fingerprint")))
			.optional();
	}

	/** What earlier imports recorded of these items, by item id: one query a batch. */
	Map<String, Imported> findAll(String source, Collection<String> itemIds) {
		Map<String, Imported> found = new HashMap<>();
		if (itemIds.isEmpty()) {
			return found;
		}
		// The source is checked here, not in the query: with it there, H2 looks the list
		// up on the (source, item_id) key's first column, reading every item's row.
		this.jdbc.sql("""
				select source, item_id, article_id, revision_id, fingerprint from import_item
				where item_id in (:items)
				""").param("items", List.copyOf(itemIds)).query((rs) -> {
			if (source.equals(rs.getString("source"))) {
				found.put(rs.getString("item_id"),
						new Imported(rs.getLong("article_id"), rs.getLong("revision_id"), rs.getString("fingerprint")));
			}
		});
		return found;
	}

	/**
	 * Records an imported item.
	 * @param wordPressId the post's number in WordPress, or null
	 */
	void insert(String source, String itemId, Long wordPressId, Imported imported, Instant at, String by) {
		this.jdbc.sql("""
				insert into import_item (source, item_id, wordpress_post_id, article_id, revision_id, fingerprint,
				    imported_at, imported_by)
				values (:source, :item, :wordPressId, :article, :revision, :fingerprint, :at, :by)
				""")
			.param("source", source)
			.param("item", itemId)
			.param("wordPressId", wordPressId)
			.param("article", imported.articleId())
			.param("revision", imported.revisionId())
			.param("fingerprint", imported.fingerprint())
			.param("at", Db.utc(at))
			.param("by", by)
			.update();
	}

	/** An item for {@link #insertAll}: the arguments of {@link #insert}. */
	record NewItem(String itemId, Long wordPressId, Imported imported) {
	}

	/** As {@link #insert} for each, in order, with one statement a hundred. */
	void insertAll(String source, List<NewItem> items, Instant at, String by) {
		RowInserts.insert(this.jdbc, """
				insert into import_item (source, item_id, wordpress_post_id, article_id, revision_id, fingerprint,
				    imported_at, imported_by)""", "", items.stream()
			.map((item) -> new Object[] { source, item.itemId(), item.wordPressId(), item.imported().articleId(),
					item.imported().revisionId(), item.imported().fingerprint(), Db.utc(at), by })
			.toList());
	}

	void update(String source, String itemId, Imported imported, Instant at, String by) {
		this.jdbc.sql("""
				update import_item set article_id = :article, revision_id = :revision, fingerprint = :fingerprint,
				    imported_at = :at, imported_by = :by
				where source = :source and item_id = :item
				""")
			.param("source", source)
			.param("item", itemId)
			.param("article", imported.articleId())
			.param("revision", imported.revisionId())
			.param("fingerprint", imported.fingerprint())
			.param("at", Db.utc(at))
			.param("by", by)
			.update();
	}

	/**
	 * The story imported from the WordPress post with this number, the latest imported
	 * when more than one site's export had one.
	 */
	Optional<Long> articleByWordPressId(long postId) {
		return this.jdbc.sql("""
				select article_id from import_item where wordpress_post_id = :id
				order by imported_at desc, article_id desc fetch first 1 rows only
				""").param("id", postId).query(Long.class).optional();
	}

	/** The attachment's fingerprint as recorded, if it was. */
	Optional<String> attachmentFingerprint(String source, String itemId) {
		return this.jdbc.sql("select fingerprint from import_attachment where source = :source and item_id = :item")
			.param("source", source)
			.param("item", itemId)
			.query(String.class)
			.optional();
	}

	void saveAttachment(String source, SourceItem item, String fingerprint, Instant at, boolean exists) {
		String sql = exists ? """
				update import_attachment set parent_item_id = :parent, title = :title, url = :url,
				    media_type = :type, uploaded_at = :uploaded, fingerprint = :fingerprint, imported_at = :at
				where source = :source and item_id = :item
				""" : """
				insert into import_attachment (source, item_id, parent_item_id, title, url, media_type, uploaded_at,
				    fingerprint, imported_at)
				values (:source, :item, :parent, :title, :url, :type, :uploaded, :fingerprint, :at)
				""";
		this.jdbc.sql(sql)
			.param("source", source)
			.param("item", item.itemId())
			.param("parent", item.parentId())
			.param("title", cut((item.title() != null) ? item.title() : "", 300))
			.param("url", cut(item.attachmentUrl(), 2000))
			.param("type", item.mediaType())
			.param("uploaded", (item.releasedAt() != null) ? Db.utc(item.releasedAt()) : null)
			.param("fingerprint", fingerprint)
			.param("at", Db.utc(at))
			.update();
	}

	long countItems(String source) {
		return this.jdbc.sql("select count(*) from import_item where source = :source")
			.param("source", source)
			.query(Long.class)
			.single();
	}

	long countAttachments(String source) {
		return this.jdbc.sql("select count(*) from import_attachment where source = :source")
			.param("source", source)
			.query(Long.class)
			.single();
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
