package org.gazette.migration;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.gazette.GazetteApplication;
import org.gazette.content.Author;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaDetails;
import org.gazette.media.MediaLibrary;
import org.gazette.support.CommandRun;
import org.gazette.support.GazetteNode;
import org.gazette.support.Stories;
import org.gazette.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup DIR} of an embedded H2 database while a node serves from it, then
 * {@code restore DIR} into a new data directory: the restored node has every record and
 * media file and serves the same pages. Restore checks the backup and the database's
 * state before it changes anything.
 */
class BackupRestoreTests {

	@TempDir
	Path temporary;

	@Test
	void aBackupTakenWhileServingRestoresIntoANewDataDirectory() throws Exception {
		Path live = this.temporary.resolve("live");
		Path backup = this.temporary.resolve("backup");
		Path fresh = this.temporary.resolve("fresh");
		try (GazetteNode node = GazetteNode.onDatabase("live", url(live), live.resolve("media"))) {
			Stories stories = node.stories();
			Author jane = stories.author("Jane Doe");
			MediaAsset photo = node.bean(MediaLibrary.class)
				.upload("harbor.png", new ByteArrayInputStream(TestImages.png(1200, 800)),
						new MediaDetails("Harbor at dawn", "Cranes over the harbor", false, "", ""),
						"editor@agency.gov", "127.0.0.1")
				.asset();
			long id = stories.story("Harbor reopens")
				.slug("harbor-reopens")
				.by(jane)
				.releasedAt(Instant.parse("2025-05-01T14:00:00Z"))
				.publish();
			stories.revise(id, "Harbor reopens to ships");

			CommandRun made = command(live, "backup", backup.toString());
			assertThat(made.status()).as(made.err()).isZero();
			assertThat(made.out()).contains("Backed up the database").contains(" media files ");
			assertThat(node.http().get("/news/harbor-reopens").status()).isEqualTo(200);

			CommandRun again = command(live, "backup", backup.toString());
			assertThat(again.status()).isEqualTo(1);
			assertThat(again.err()).contains("is not an empty directory");

			CommandRun inUse = command(live, "restore", backup.toString(), "--replace");
			assertThat(inUse.status()).isEqualTo(1);
			assertThat(inUse.err()).contains("is in use (is Gazette running?); stop it, then run restore again.");

			CommandRun restored = command(fresh, "restore", backup.toString());
			assertThat(restored.status()).as(restored.err()).isZero();
			// A line of its own: other test applications in this JVM may log meanwhile.
			assertThat(restored.out().lines()).anyMatch((line) -> line.startsWith("Restored the database to "));

			List<Map<String, Object>> before = new ArrayList<>();
			for (SiteTable table : SiteTable.ALL) {
				before.addAll(SiteExportImportTests.rows(url(live), table));
			}
			String page = node.http().get("/news/harbor-reopens").body();
			String media = photo.url(480);
			byte[] image = node.http().get(media).rawBody();
			try (GazetteNode copy = GazetteNode.onDatabase("restored", url(fresh), fresh.resolve("media"))) {
				List<Map<String, Object>> after = new ArrayList<>();
				for (SiteTable table : SiteTable.ALL) {
					after.addAll(SiteExportImportTests.rows(url(fresh), table));
				}
				assertThat(after).isEqualTo(before);
				assertThat(copy.http().get("/news/harbor-reopens").body()).isEqualTo(page);
				assertThat(copy.http().get(media).rawBody()).isEqualTo(image);
			}
			assertThat(files(fresh.resolve("media"))).isEqualTo(files(live.resolve("media")));
		}
	}

	@Test
	void aDamagedOrUnfinishedBackupIsRefusedAndNothingChanges() throws Exception {
		Path live = this.temporary.resolve("live");
		Path backup = this.temporary.resolve("backup");
		try (GazetteNode node = GazetteNode.onDatabase("live", url(live), live.resolve("media"))) {
			node.stories().story("Harbor reopens").by(node.stories().author("Jane Doe")).publish();
			assertThat(command(live, "backup", backup.toString()).status()).isZero();
		}
		Path fresh = this.temporary.resolve("fresh");
		Path zip = backup.resolve("database.zip");
		byte[] good = Files.readAllBytes(zip);
		byte[] bad = good.clone();
		bad[bad.length / 2] ^= 0x5A;
		Files.write(zip, bad);
		CommandRun damaged = command(fresh, "restore", backup.toString());
		assertThat(damaged.status()).isEqualTo(1);
		assertThat(damaged.err()).contains("database.zip is missing or damaged");
		assertThat(fresh.resolve("gazette.mv.db")).doesNotExist();

		Files.write(zip, good);
		Files.delete(backup.resolve("backup.properties"));
		CommandRun unfinished = command(fresh, "restore", backup.toString());
		assertThat(unfinished.status()).isEqualTo(1);
		assertThat(unfinished.err()).contains("is not a finished Gazette backup");
		assertThat(fresh.resolve("gazette.mv.db")).doesNotExist();

		CommandRun onPostgres = CommandRun.of(() -> GazetteApplication.runCommand("restore", backup.toString(),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test"));
		assertThat(onPostgres.status()).isEqualTo(1);
		assertThat(onPostgres.err()).contains("restore PostgreSQL with pg_restore");
	}

	@Test
	void aDatabaseInMemoryCannotBeBackedUpThisWay() {
		CommandRun run = CommandRun
			.of(() -> GazetteApplication.runCommand(
					"backup", this.temporary.resolve("b").toString(), "--spring.datasource.url=jdbc:h2:mem:"
							+ UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
					"--gazette.demo-content=false"));
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).contains("only a file database can be backed up");
	}

	private static String url(Path directory) {
		return "jdbc:h2:file:" + directory.resolve("gazette")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	private static CommandRun command(Path data, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--spring.datasource.url=" + url(data), "--gazette.media.directory=" + data.resolve("media"),
				"--gazette.demo-content=false",
				"--gazette.search.index-directory=target/test-search-index/" + UUID.randomUUID()));
		return CommandRun.of(() -> GazetteApplication.runCommand(all.toArray(String[]::new)));
	}

	private static List<String> files(Path directory) throws Exception {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> directory.relativize(file).toString())
				.sorted()
				.toList();
		}
	}

}
