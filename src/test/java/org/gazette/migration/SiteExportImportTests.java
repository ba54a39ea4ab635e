package org.gazette.migration;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gazette.GazetteApplication;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.media.MediaDetails;
import org.gazette.media.MediaLibrary;
import org.gazette.media.MediaProperties;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.Takedown;
import org.gazette.support.CommandRun;
import org.gazette.support.GazetteNode;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestDatabase;
import org.gazette.support.TestImages;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export} of a site the web application serves, then {@code import} into a new
 * database: every record equal, revisions included, and the same public pages; bad files
 * refused with the line at fault and nothing written.
 */
@GazetteWebTest
class SiteExportImportTests {

	/** The running application's database (see {@code GazetteWebTest}). */
	private static final String SOURCE = "jdbc:h2:mem:web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	Publishing publishing;

	@Autowired
	MediaLibrary media;

	@Autowired
	MediaProperties mediaSettings;

	@TempDir
	Path temporary;

	@BeforeEach
	void site() {
		this.newsroom.reset();
		Author jane = this.stories.author("Jane Doe");
		Author raj = this.stories.author("Raj Patel");
		Topic trade = this.stories.topic("Trade");
		long first = this.stories.story("Port fees fall")
			.slug("port-fees")
			.by(jane, raj)
			.about(trade)
			.body("Fees fall *today* — «quoted» 日本")
			.releasedAt(Instant.parse("2025-03-01T15:00:00Z"))
			.publish();
		this.stories.revise(first, "Port fees fall again", "Second body", "editor@agency.gov", "Tightened");
		long second = this.stories.story("Old notice")
			.by(raj)
			.releasedAt(Instant.parse("2025-01-01T15:00:00Z"))
			.publish();
		this.publishing.takeDown(second, Takedown.withdrawn("Superseded by the new rules"), "publisher@agency.gov");
		this.stories.story("Embargoed")
			.by(jane)
			.about(trade)
			.releasedAt(Instant.parse("2099-01-05T14:30:00Z"))
			.publish();
		this.stories.story("Just a draft").by(jane).draft();
		this.media.upload("harbor.png", new ByteArrayInputStream(TestImages.png(1000, 700)),
				new MediaDetails("Harbor", "Cranes over the harbor", false, "", ""), "editor@agency.gov", "127.0.0.1");
	}

	@Test
	void anImportedSiteIsTheExportedOneRecordByRecordAndPageByPage() throws Exception {
		Path file = this.temporary.resolve("site.jsonl");
		Path mediaOut = this.temporary.resolve("media-out");
		CommandRun exported = CommandRun.of(() -> GazetteApplication.runCommand("export", file.toString(),
				"--with-media", mediaOut.toString(), "--spring.datasource.url=" + SOURCE,
				"--gazette.media.directory=" + this.mediaSettings.directory(), "--gazette.demo-content=false"));
		assertThat(exported.status()).as(exported.err()).isZero();
		assertThat(exported.out().lines()).anyMatch((line) -> line.startsWith("Exported "));
		int records = Files.readAllLines(file).size() - 2;
		// Progress: the rate and, at the end, how many and how long.
		assertThat(exported.out())
			.containsPattern("\\b" + String.format(java.util.Locale.ROOT, "%,d", records) + " records in \\d+ s \\(");
		assertThat(exported.out()).contains("article=4", "revision=5", " media files to ")
			.containsPattern("media_asset=[1-9]");
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0)).startsWith("{\"type\":\"gazette-export\",\"formatVersion\":1,");
		assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"end\",\"records\":" + (lines.size() - 2) + "}");

		// A file database, as in production: the node reopens what the command wrote and
		// closed.
		String target = "jdbc:h2:file:" + this.temporary.resolve("imported/gazette")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		CommandRun imported = command("import", file.toString(), "--media=" + mediaOut,
				"--spring.datasource.url=" + target);
		assertThat(imported.status()).as(imported.err()).isZero();
		assertThat(imported.out())
			.containsPattern("\\b" + String.format(java.util.Locale.ROOT, "%,d", records) + " records in \\d+ s \\(")
			.contains("checking references and committing");
		for (SiteTable table : SiteTable.ALL) {
			assertThat(rows(target, table)).as(table.name()).isEqualTo(rows(SOURCE, table));
		}
		assertThat(rows(target, SiteTable.named("revision"))).hasSize(5);

		try (GazetteNode copy = GazetteNode.onDatabase("copy", target, this.temporary.resolve("media"))) {
			Http original = new Http(this.port);
			for (String page : List.of("/news/port-fees", "/news/old-notice", "/authors/raj-patel", "/topics/trade")) {
				var theirs = copy.http().get(page);
				assertThat(theirs.status()).as(page).isEqualTo(original.get(page).status()).isEqualTo(200);
				assertThat(theirs.body()).as(page).isEqualTo(original.get(page).body());
			}
			assertThat(copy.http().get("/news/embargoed").status()).isEqualTo(404);
			String image = this.media.search(new org.gazette.media.MediaSearch("", null, 1)).items().get(0).url(480);
			assertThat(copy.http().get(image).rawBody()).isEqualTo(original.get(image).rawBody());
			// New records follow the imported ones.
			assertThat(copy.stories().story("After the import").by(copy.stories().author("New Author")).draft())
				.isGreaterThan(4);
		}
	}

	@Test
	void aSiteExportedFromH2ImportsIntoPostgres() throws Exception {
		Path file = this.temporary.resolve("site.jsonl");
		assertThat(command("export", file.toString(), "--spring.datasource.url=" + SOURCE).status()).isZero();
		String target = TestDatabase.newPostgresSchemaUrl();
		try {
			CommandRun imported = command("import", file.toString(), "--spring.datasource.url=" + target,
					"--spring.datasource.username=" + TestDatabase.POSTGRES_USER,
					"--spring.datasource.password=" + TestDatabase.POSTGRES_PASSWORD);
			assertThat(imported.status()).as(imported.err()).isZero();
			for (SiteTable table : SiteTable.ALL) {
				assertThat(rows(target, TestDatabase.POSTGRES_USER, TestDatabase.POSTGRES_PASSWORD, table))
					.as(table.name())
					.isEqualTo(rows(SOURCE, table));
			}
			try (Connection connection = DriverManager.getConnection(target, TestDatabase.POSTGRES_USER,
					TestDatabase.POSTGRES_PASSWORD);
					ResultSet rs = connection.createStatement()
						.executeQuery("insert into topic (slug, name, created_at, updated_at) values ('new', 'New',"
								+ " current_timestamp, current_timestamp) returning id")) {
				rs.next();
				assertThat(rs.getLong(1)).as("ids continue after the imported ones")
					.isGreaterThan((Long) rows(SOURCE, SiteTable.named("topic")).get(0).get("id"));
			}
		}
		finally {
			TestDatabase.dropSchemaOf(target);
		}
	}

	@Test
	void refusesADatabaseThatIsNotEmptyAndSaysWhy() throws Exception {
		Path file = this.temporary.resolve("site.jsonl");
		assertThat(command("export", file.toString(), "--spring.datasource.url=" + SOURCE).status()).isZero();
		CommandRun refused = command("import", file.toString(), "--spring.datasource.url=" + SOURCE);
		assertThat(refused.status()).isEqualTo(1);
		assertThat(refused.err())
			.matches("import: The database is not empty \\(4 articles, 2 authors, 1 topic, \\d+ media assets?\\):"
					+ " import restores a site into an empty database only; point Gazette at a new database and run import again.\\R");
	}

	@Test
	void aBadLineStopsTheImportWithItsNumberAndWritesNothing() throws Exception {
		Path file = this.temporary.resolve("site.jsonl");
		assertThat(command("export", file.toString(), "--spring.datasource.url=" + SOURCE).status()).isZero();
		List<String> lines = Files.readAllLines(file);
		int revision = indexOf(lines, "\"type\":\"revision\"");

		assertRefused(edited(lines, revision, lines.get(revision).substring(0, 40)),
				"Line " + (revision + 1) + ": not valid JSON");
		assertRefused(edited(lines, revision, "{\"type\":\"poem\"}"),
				"Line " + (revision + 1) + ": unknown record type \"poem\"");
		assertRefused(
				edited(lines, revision, lines.get(revision).replace("\"number\":", "\"colour\":\"red\",\"number\":")),
				"Line " + (revision + 1) + ": a revision record has no field \"colour\"");
		assertRefused(
				edited(lines, revision,
						lines.get(revision).replaceFirst("\"created_at\":\"[^\"]+\"", "\"created_at\":\"yesterday\"")),
				"Line " + (revision + 1) + ": field \"created_at\" is not an instant");
		assertRefused(
				edited(lines, revision,
						lines.get(revision).replaceFirst("\"article_id\":\\d+", "\"article_id\":999999")),
				"Line " + (revision + 1) + ": the revision record was refused");
		assertRefused(lines.subList(0, lines.size() - 3), "it was cut short; nothing was imported.");
		assertRefused(edited(lines, 0, lines.get(0).replace("\"formatVersion\":1", "\"formatVersion\":2")),
				"The file is in export format version 2; this Gazette reads versions 1 to 1.");
		assertRefused(edited(lines, 0, "{\"type\":\"wxr\"}"), "Line 1: not a Gazette export header");
		assertRefused(List.of(), "is empty");
		CommandRun missing = command("import", this.temporary.resolve("nothing.jsonl").toString(),
				"--spring.datasource.url=" + newDatabase());
		assertThat(missing.status()).isEqualTo(1);
		assertThat(missing.err()).contains("no such file");
	}

	private void assertRefused(List<String> lines, String message) throws Exception {
		Path bad = Files.write(this.temporary.resolve(UUID.randomUUID() + ".jsonl"), lines, StandardCharsets.UTF_8);
		String target = newDatabase();
		CommandRun run = command("import", bad.toString(), "--spring.datasource.url=" + target);
		assertThat(run.status()).as(run.err()).isEqualTo(1);
		assertThat(run.err().lines()).anyMatch((line) -> line.startsWith("import: ") && line.contains(message));
		assertThat(run.err().lines()).hasSize(1);
		for (SiteTable table : SiteTable.ALL) {
			assertThat(rows(target, table)).as(table.name()).isEmpty();
		}
	}

	private static List<String> edited(List<String> lines, int index, String line) {
		List<String> copy = new ArrayList<>(lines);
		copy.set(index, line);
		return copy;
	}

	private static int indexOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("No line with " + text);
	}

	private static String newDatabase() {
		return "jdbc:h2:mem:import-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	private CommandRun command(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(
				List.of("--gazette.demo-content=false", "--gazette.media.directory=" + this.temporary.resolve("media"),
						"--gazette.search.index-directory=target/test-search-index/" + UUID.randomUUID()));
		return CommandRun.of(() -> GazetteApplication.runCommand(all.toArray(String[]::new)));
	}

	/** Every row of a table, in its export order, instants compared as instants. */
	static List<Map<String, Object>> rows(String url, SiteTable table) throws SQLException {
		return rows(url, "gazette", "", table);
	}

	static List<Map<String, Object>> rows(String url, String user, String password, SiteTable table)
			throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				ResultSet rs = connection.createStatement()
					.executeQuery("select * from " + table.name() + " order by " + table.orderBy())) {
			ResultSetMetaData meta = rs.getMetaData();
			List<Map<String, Object>> rows = new ArrayList<>();
			while (rs.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int column = 1; column <= meta.getColumnCount(); column++) {
					Object value = (rs.getObject(column) instanceof java.sql.Timestamp)
							? rs.getObject(column, OffsetDateTime.class) : rs.getObject(column);
					row.put(meta.getColumnLabel(column),
							(value instanceof OffsetDateTime time) ? time.toInstant() : value);
				}
				rows.add(row);
			}
			return rows;
		}
	}

}
