package org.gazette.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The library's rows. */
@Repository
class MediaRepository {

	private final JdbcClient jdbc;

	MediaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new item.
	 * @throws org.springframework.dao.DuplicateKeyException when the same file was stored
	 * meanwhile
	 */
	long insert(MediaAsset asset) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into media_asset (sha256, kind, media_type, extension, file_name, byte_size, width, height,
				                         renditions, title, alt_text, decorative, caption, credit,
				                         created_at, created_by, updated_at, updated_by)
				values (:sha256, :kind, :mediaType, :extension, :fileName, :byteSize, :width, :height,
				        :renditions, :title, :altText, :decorative, :caption, :credit,
				        :createdAt, :createdBy, :createdAt, :createdBy)
				""")
			.param("sha256", asset.sha256())
			.param("kind", asset.kind().code())
			.param("mediaType", asset.mediaType())
			.param("extension", asset.extension())
			.param("fileName", asset.fileName())
			.param("byteSize", asset.byteSize())
			.param("width", asset.width())
			.param("height", asset.height())
			.param("renditions",
					asset.renditions().isEmpty() ? null
							: asset.renditions().stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("title", asset.title())
			.param("altText", asset.altText())
			.param("decorative", asset.decorative())
			.param("caption", asset.caption())
			.param("credit", asset.credit())
			.param("createdAt", Db.utc(asset.createdAt()))
			.param("createdBy", asset.createdBy())
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<MediaAsset> find(long id) {
		return this.jdbc.sql("select * from media_asset where id = :id")
			.param("id", id)
			.query(MediaRepository::asset)
			.optional();
	}

	Optional<MediaAsset> findBySha256(String sha256) {
		return this.jdbc.sql("select * from media_asset where sha256 = :sha256")
			.param("sha256", sha256)
			.query(MediaRepository::asset)
			.optional();
	}

	List<MediaAsset> findByIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from media_asset where id in (:ids)")
			.param("ids", ids)
			.query(MediaRepository::asset)
			.list();
	}

	List<MediaAsset> findBySha256s(List<String> hashes) {
		if (hashes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from media_asset where sha256 in (:hashes) order by id")
			.param("hashes", hashes)
			.query(MediaRepository::asset)
			.list();
	}

	MediaPage search(MediaSearch search) {
		List<String> conditions = new ArrayList<>();
		if (search.kind() != null) {
			conditions.add("kind = :kind");
		}
		if (!search.text().isBlank()) {
			conditions.add("(lower(title) like :text escape '\\' or lower(file_name) like :text escape '\\'"
					+ " or lower(alt_text) like :text escape '\\' or lower(caption) like :text escape '\\')");
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		Map<String, Object> params = new java.util.HashMap<>();
		if (search.kind() != null) {
			params.put("kind", search.kind().code());
		}
		if (!search.text().isBlank()) {
			params.put("text", "%" + likeEscaped(search.text().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		long total = this.jdbc.sql("select count(*) from media_asset" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<MediaAsset> items = this.jdbc
			.sql("select * from media_asset" + where + " order by created_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", MediaSearch.PAGE_SIZE)
			.param("offset", (long) (search.page() - 1) * MediaSearch.PAGE_SIZE)
			.query(MediaRepository::asset)
			.list();
		return new MediaPage(items, total, search.page());
	}

	void updateDetails(long id, MediaDetails details, Instant now, String by) {
		this.jdbc.sql("""
				update media_asset set title = :title, alt_text = :altText, decorative = :decorative,
				       caption = :caption, credit = :credit, updated_at = :now, updated_by = :by
				where id = :id
				""")
			.param("title", details.title())
			.param("altText", details.altText())
			.param("decorative", details.decorative())
			.param("caption", details.caption())
			.param("credit", details.credit())
			.param("now", Db.utc(now))
			.param("by", by)
			.param("id", id)
			.update();
	}

	/** Points the item at a new file; its details and id stay. */
	void replaceFile(long id, MediaAsset file, Instant now, String by) {
		this.jdbc.sql("""
				update media_asset set sha256 = :sha256, media_type = :mediaType, extension = :extension,
				       file_name = :fileName, byte_size = :byteSize, width = :width, height = :height,
				       renditions = :renditions, updated_at = :now, updated_by = :by
				where id = :id
				""")
			.param("sha256", file.sha256())
			.param("mediaType", file.mediaType())
			.param("extension", file.extension())
			.param("fileName", file.fileName())
			.param("byteSize", file.byteSize())
			.param("width", file.width())
			.param("height", file.height())
			.param("renditions",
					file.renditions().isEmpty() ? null
							: file.renditions().stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("now", Db.utc(now))
			.param("by", by)
			.param("id", id)
			.update();
	}

	/** Locks the row for a delete, so no revision can take it as its image meanwhile. */
	Optional<MediaAsset> lock(long id) {
		return this.jdbc.sql("select * from media_asset where id = :id for update")
			.param("id", id)
			.query(MediaRepository::asset)
			.optional();
	}

	void delete(long id) {
		this.jdbc.sql("delete from media_asset where id = :id").param("id", id).update();
	}

	long count() {
		return this.jdbc.sql("select count(*) from media_asset").query(Long.class).single();
	}

	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static MediaAsset asset(ResultSet rs, int row) throws SQLException {
		String renditions = rs.getString("renditions");
		return new MediaAsset(rs.getLong("id"), rs.getString("sha256"),
				MediaKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("media_type"),
				rs.getString("extension"), rs.getString("file_name"), rs.getLong("byte_size"),
				(Integer) rs.getObject("width", Integer.class), (Integer) rs.getObject("height", Integer.class),
				(renditions != null) ? Arrays.stream(renditions.split(",")).map(Integer::valueOf).toList() : List.of(),
				rs.getString("title"), rs.getString("alt_text"), rs.getBoolean("decorative"), rs.getString("caption"),
				rs.getString("credit"), Db.instant(rs, "created_at"), rs.getString("created_by"),
				Db.instant(rs, "updated_at"), rs.getString("updated_by"));
	}

}
