package org.gazette.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a file in Gazette's export format into an empty database, in one transaction: the
 * first bad line stops the import and rolls everything back, so the database is either
 * the whole site or as it was. Lines are read one at a time (memory does not grow with
 * the file); only the few pointers that refer forward are kept until the end.
 */
@Component
class SiteImport {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final MediaFiles media;

	private final JsonMapper json = JsonMapper.builder().build();

	SiteImport(JdbcTemplate jdbc, TransactionTemplate transactions, MediaFiles media) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.media = media;
	}

	/** Records imported per type, and media files copied in. */
	record Summary(Map<String, Long> records, long mediaFiles) {

	}

	/**
	 * Imports the file in one transaction.
	 * @param out where progress is shown (records, rate, time left), or null for none
	 */
	Summary importFile(Path file, Path mediaDirectory, PrintWriter out) throws ImportException {
		if (!Files.isRegularFile(file)) {
			throw new ImportException("Cannot read " + file + ": no such file.");
		}
		if (mediaDirectory != null && !Files.isDirectory(mediaDirectory)) {
			throw new ImportException("Cannot read media from " + mediaDirectory + ": no such directory.");
		}
		String content = existingContent();
		if (content != null) {
			throw new ImportException("The database is not empty (" + content
					+ "): import restores a site into an empty database only; point Gazette at a new database and run import again.");
		}
		Map<String, Long> counts;
		try {
			counts = this.transactions.execute((status) -> {
				try {
					return read(file, out);
				}
				catch (ImportException ex) {
					throw new Stop(ex);
				}
			});
		}
		catch (Stop stop) {
			throw stop.reason;
		}
		// After the commit: on H2 a schema change would commit a transaction half-way.
		for (SiteTable table : SiteTable.ALL) {
			if (table.identity()) {
				Long next = this.jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table.name(),
						Long.class);
				this.jdbc.execute("alter table " + table.name() + " alter column id restart with " + next);
			}
		}
		long mediaFiles = 0;
		if (mediaDirectory != null) {
			try {
				mediaFiles = this.media.copyIn(mediaDirectory);
			}
			catch (IOException ex) {
				throw new ImportException("The site was imported but copying media from " + mediaDirectory + " failed ("
						+ ex.getMessage() + "); run the import of media again with a new database.", ex);
			}
		}
		return new Summary(counts, mediaFiles);
	}

	private Map<String, Long> read(Path file, PrintWriter out) throws ImportException {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, Map<String, Integer>> columns = new HashMap<>();
		List<Runnable> later = new ArrayList<>();
		long number = 0;
		long records = 0;
		boolean ended = false;
		try (CountingStream bytes = new CountingStream(Files.newInputStream(file));
				BufferedReader in = new BufferedReader(
						// Reports bad bytes rather than replacing them.
						new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
				Progress progress = new Progress(out, System.console() != null, bytes::count, Files.size(file),
						"records")) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				number++;
				if (ended) {
					if (line.isBlank()) {
						continue;
					}
					throw new ImportException(
							"Line " + number + ": there is more after the end record; the file is damaged.");
				}
				JsonNode record = parse(line, number);
				String type = record.path("type").asString("");
				if (number == 1) {
					header(record, type);
					continue;
				}
				if (SiteTable.END.equals(type)) {
					if (!record.path("records").isIntegralNumber() || record.path("records").longValue() != records) {
						throw new ImportException("Line " + number + ": the end record counts " + record.path("records")
								+ " records but the file has " + records + "; the file is damaged.");
					}
					ended = true;
					continue;
				}
				SiteTable table = SiteTable.named(type);
				if (table == null) {
					throw new ImportException("Line " + number + ": unknown record type \"" + type
							+ "\"; see docs/export-format.md for the types.");
				}
				insert(table, record, columns.computeIfAbsent(table.name(), this::columnsOf), number, later);
				counts.merge(table.name(), 1L, Long::sum);
				records++;
				progress.advance(1);
			}
			progress.done();
		}
		catch (CharacterCodingException ex) {
			throw new ImportException("Line " + (number + 1) + ": not UTF-8 text; is this a Gazette export?", ex);
		}
		catch (IOException ex) {
			throw new ImportException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (number == 0) {
			throw new ImportException(file + " is empty; a Gazette export starts with its header line.");
		}
		if (!ended) {
			throw new ImportException("The file ends at line " + number
					+ " without its end record: it was cut short; nothing was imported.");
		}
		if (out != null) {
			out.println("Read " + number + " lines; checking references and committing.");
			out.flush();
		}
		try {
			later.forEach(Runnable::run);
		}
		catch (DataAccessException ex) {
			throw new ImportException("A record points at one the file does not have ("
					+ firstLine(ex.getMostSpecificCause().getMessage()) + "); the file is damaged.", ex);
		}
		return counts;
	}

	private JsonNode parse(String line, long number) throws ImportException {
		try {
			JsonNode record = this.json.readTree(line);
			if (record == null || !record.isObject()) {
				throw new ImportException("Line " + number + ": not a JSON object; each line holds one record.");
			}
			return record;
		}
		catch (JacksonException ex) {
			throw new ImportException("Line " + number + ": not valid JSON (" + ex.getOriginalMessage() + ").", ex);
		}
	}

	private static void header(JsonNode record, String type) throws ImportException {
		if (!SiteTable.HEADER.equals(type) || !record.path("formatVersion").isIntegralNumber()) {
			throw new ImportException(
					"Line 1: not a Gazette export header (a Gazette export starts with {\"type\":\"gazette-export\",\"formatVersion\":...}).");
		}
		int version = record.path("formatVersion").intValue();
		if (version > SiteTable.FORMAT_VERSION || version < 1) {
			throw new ImportException(
					"The file is in export format version " + version + "; this Gazette reads versions 1 to "
							+ SiteTable.FORMAT_VERSION + ". Import it with the Gazette that wrote it, or a newer one.");
		}
	}

	private void insert(SiteTable table, JsonNode record, Map<String, Integer> types, long number, List<Runnable> later)
			throws ImportException {
		StringJoiner names = new StringJoiner(", ");
		StringJoiner marks = new StringJoiner(", ");
		List<Object> values = new ArrayList<>();
		Map<String, Object> deferred = new LinkedHashMap<>();
		for (String field : record.propertyNames()) {
			if (field.equals("type")) {
				continue;
			}
			Integer sqlType = types.get(field);
			if (sqlType == null) {
				throw new ImportException("Line " + number + ": a " + table.name() + " record has no field \"" + field
						+ "\"; was the file written by a newer Gazette?");
			}
			Object given = value(record.get(field), sqlType, field, number);
			// An instant goes as it is: PostgreSQL's driver reports timestamptz as
			// TIMESTAMP
			// and, told that type, would drop the offset.
			Object value = (given instanceof OffsetDateTime) ? given : new SqlParameterValue(sqlType, given);
			if (table.later().contains(field)) {
				if (given != null) {
					deferred.put(field, value);
				}
				continue;
			}
			names.add(field);
			marks.add("?");
			values.add(value);
		}
		try {
			this.jdbc.update("insert into " + table.name() + " (" + names + ") values (" + marks + ")",
					values.toArray());
		}
		catch (DataAccessException ex) {
			throw new ImportException("Line " + number + ": the " + table.name() + " record was refused ("
					+ firstLine(ex.getMostSpecificCause().getMessage()) + ").", ex);
		}
		if (!deferred.isEmpty()) {
			Object id = value(record.get("id"), Types.BIGINT, "id", number);
			later.add(() -> deferred.forEach((field, value) -> this.jdbc
				.update("update " + table.name() + " set " + field + " = ? where id = ?", value, id)));
		}
	}

	private static Object value(JsonNode node, int sqlType, String field, long number) throws ImportException {
		if (node == null || node.isNull()) {
			return null;
		}
		boolean fits = switch (sqlType) {
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> node.isIntegralNumber();
			case Types.BOOLEAN, Types.BIT -> node.isBoolean();
			default -> node.isString();
		};
		if (!fits) {
			throw new ImportException("Line " + number + ": field \"" + field + "\" has the wrong kind of value ("
					+ node.getNodeType().name().toLowerCase(Locale.ROOT) + ").");
		}
		return switch (sqlType) {
			case Types.BIGINT -> node.longValue();
			case Types.INTEGER, Types.SMALLINT -> node.intValue();
			case Types.BOOLEAN, Types.BIT -> node.booleanValue();
			case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> instant(node.stringValue(), field, number);
			default -> node.stringValue();
		};
	}

	private static Object instant(String text, String field, long number) throws ImportException {
		try {
			return Instant.parse(text).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new ImportException("Line " + number + ": field \"" + field + "\" is not an instant such as "
					+ "2026-11-27T14:30:00Z (\"" + text + "\").", ex);
		}
	}

	private Map<String, Integer> columnsOf(String table) {
		return this.jdbc.query("select * from " + table + " where 1 = 0", (rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			Map<String, Integer> columns = new HashMap<>();
			for (int column = 1; column <= meta.getColumnCount(); column++) {
				columns.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), meta.getColumnType(column));
			}
			return columns;
		});
	}

	/** What the database already holds, in words, or null when it is empty. */
	private String existingContent() {
		StringJoiner found = new StringJoiner(", ");
		for (String table : List.of("article", "author", "topic", "media_asset", "redirect")) {
			Long count = this.jdbc.queryForObject("select count(*) from " + table, Long.class);
			if (count != null && count > 0) {
				found.add(count + " " + table.replace('_', ' ') + ((count == 1) ? "" : "s"));
			}
		}
		return (found.length() > 0) ? found.toString() : null;
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse("").strip() : "no reason given";
	}

	/** Carries an import's reason out of the transaction callback, which rolls back. */
	private static final class Stop extends RuntimeException {

		private final ImportException reason;

		Stop(ImportException reason) {
			super(reason.getMessage(), null, false, false);
			this.reason = reason;
		}

	}

}
