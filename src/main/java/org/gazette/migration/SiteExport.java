package org.gazette.migration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the site in Gazette's export format (docs/export-format.md): one JSON record per
 * line, table by table, streamed from the database so memory does not grow with the site.
 * Reads every table in one read-only transaction, so the file is one consistent moment of
 * the site even while editors work.
 */
@Component
class SiteExport {

	private final JdbcTemplate jdbc;

	private final MediaFiles media;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	SiteExport(JdbcTemplate jdbc, MediaFiles media, Clock clock) {
		this.jdbc = jdbc;
		this.media = media;
		this.clock = clock;
	}

	/** What an export wrote: records per type, and media files copied. */
	record Summary(Map<String, Long> records, long mediaFiles) {

		long total() {
			return this.records.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * Writes the file (beside it first, then moved into place) and, when
	 * {@code mediaDirectory} is given, copies the media files there.
	 * @param terminal where progress is shown (records, rate, time left), or null for
	 * none
	 */
	@Transactional(readOnly = true)
	Summary export(Path file, Path mediaDirectory, PrintWriter terminal) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Map<String, Long> counts = new LinkedHashMap<>();
		// Counted first, in the same read-only transaction, for the time left.
		long expected = 0;
		for (SiteTable table : SiteTable.ALL) {
			expected += this.jdbc.queryForObject("select count(*) from " + table.name(), Long.class);
		}
		long[] written = { 0 };
		try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
				Progress progress = new Progress(terminal, System.console() != null, () -> written[0], expected,
						"records")) {
			Map<String, Object> header = new LinkedHashMap<>();
			header.put("type", SiteTable.HEADER);
			header.put("formatVersion", SiteTable.FORMAT_VERSION);
			header.put("exportedAt", this.clock.instant().toString());
			header.put("schemaVersion", this.jdbc.queryForObject("""
					select version from flyway_schema_history
					where installed_rank = (select max(installed_rank) from flyway_schema_history where success)
					""", String.class));
			line(out, header);
			long total = 0;
			for (SiteTable table : SiteTable.ALL) {
				long count = write(out, table, () -> {
					written[0]++;
					progress.advance(1);
				});
				counts.put(table.name(), count);
				total += count;
			}
			progress.done();
			Map<String, Object> end = new LinkedHashMap<>();
			end.put("type", SiteTable.END);
			end.put("records", total);
			line(out, end);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		long mediaFiles = (mediaDirectory != null) ? this.media.copyAll(mediaDirectory) : 0;
		return new Summary(counts, mediaFiles);
	}

	private long write(Writer out, SiteTable table, Runnable written) {
		long[] count = { 0 };
		this.jdbc.query("select * from " + table.name() + " order by " + table.orderBy(), (ResultSet rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("type", table.name());
			for (int column = 1; column <= meta.getColumnCount(); column++) {
				record.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), value(rs, meta, column));
			}
			line(out, record);
			count[0]++;
			written.run();
		});
		return count[0];
	}

	private static Object value(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
		int type = meta.getColumnType(column);
		if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
			OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
			return (value != null) ? value.toInstant().toString() : null;
		}
		Object value = rs.getObject(column);
		return (value instanceof String text && type == Types.CHAR) ? text.strip() : value;
	}

	private void line(Writer out, Map<String, Object> record) {
		try {
			out.write(this.json.writeValueAsString(record));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
