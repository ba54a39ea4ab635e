package org.gazette.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files library items had before they were replaced. */
@Repository
class FormerFileRepository {

	private final JdbcClient jdbc;

	FormerFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the item's current file on record as it is replaced. */
	void keep(MediaAsset current, Instant since, String sinceBy, Instant replacedAt, String replacedBy) {
		this.jdbc.sql("""
				insert into media_file (media_id, sha256, media_type, extension, file_name, byte_size, width, height,
				                        renditions, created_at, created_by, replaced_at, replaced_by)
				values (:media, :sha256, :mediaType, :extension, :fileName, :byteSize, :width, :height,
				        :renditions, :since, :sinceBy, :replacedAt, :replacedBy)
				""")
			.param("media", current.id())
			.param("sha256", current.sha256())
			.param("mediaType", current.mediaType())
			.param("extension", current.extension())
			.param("fileName", current.fileName())
			.param("byteSize", current.byteSize())
			.param("width", current.width())
			.param("height", current.height())
			.param("renditions",
					current.renditions().isEmpty() ? null
							: current.renditions().stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("since", Db.utc(since))
			.param("sinceBy", sinceBy)
			.param("replacedAt", Db.utc(replacedAt))
			.param("replacedBy", replacedBy)
			.update();
	}

	/** The item's former files, most recently replaced first. */
	List<FormerFile> of(long mediaId) {
		return this.jdbc.sql("select * from media_file where media_id = :media order by replaced_at desc, id desc")
			.param("media", mediaId)
			.query(FormerFileRepository::file)
			.list();
	}

	/** The item that once had the file with this hash (the latest, should several). */
	Optional<Long> mediaIdBySha256(String sha256) {
		return this.jdbc.sql("select media_id from media_file where sha256 = :sha256 order by id desc")
			.param("sha256", sha256)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/** The items that once had files with these hashes. */
	List<Long> mediaIdsBySha256s(List<String> hashes) {
		if (hashes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select distinct media_id from media_file where sha256 in (:hashes)")
			.param("hashes", hashes)
			.query(Long.class)
			.list();
	}

	void deleteOf(long mediaId) {
		this.jdbc.sql("delete from media_file where media_id = :media").param("media", mediaId).update();
	}

	private static FormerFile file(ResultSet rs, int row) throws SQLException {
		String renditions = rs.getString("renditions");
		return new FormerFile(rs.getString("sha256"), rs.getString("extension"), rs.getString("file_name"),
				rs.getLong("byte_size"),
				(renditions != null) ? Arrays.stream(renditions.split(",")).map(Integer::valueOf).toList() : List.of(),
				Db.instant(rs, "created_at"), rs.getString("created_by"), Db.instant(rs, "replaced_at"),
				rs.getString("replaced_by"));
	}

}
