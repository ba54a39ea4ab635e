package org.gazette.syndication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.gazette.publishing.Publishing;
import org.gazette.publishing.Takedown;
import org.gazette.support.GazetteNode;
import org.gazette.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole nodes on one PostgreSQL database, both with the automatic export on and the
 * same shared export directory: each public change, made on either node, is exported
 * once, by one of them, and a takedown replaces the story's page in the export.
 */
class ExportAcrossNodesTests {

	/** How long an export may take to follow a change on this busy test machine. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** No export for this long after the last one: both nodes are done. */
	private static final Duration QUIET = Duration.ofSeconds(3);

	@TempDir
	static Path temporary;

	private static String url;

	private static Path site;

	private static GazetteNode a;

	private static GazetteNode b;

	@BeforeAll
	static void start() {
		url = TestDatabase.newPostgresSchemaUrl();
		site = temporary.resolve("site");
		String[] settings = { "--gazette.export.automatic=true", "--gazette.export.directory=" + site,
				"--gazette.export.check-interval=200ms" };
		a = GazetteNode.onPostgres("A", url, settings);
		b = GazetteNode.onPostgres("B", url, settings);
	}

	@AfterAll
	static void stop() {
		for (GazetteNode node : new GazetteNode[] { b, a }) {
			if (node != null) {
				node.close();
			}
		}
		TestDatabase.dropSchemaOf(url);
	}

	@Test
	void eachChangeIsExportedOnceByOneNodeAndATakedownReplacesThePage() throws Exception {
		long story = a.stories().story("Harbor crane arrives").slug("harbor-crane").draft();
		long before = settledExports();

		a.bean(Publishing.class).publish(story, null);
		Path page = site.resolve("news/harbor-crane/index.html");
		await("the story exported", () -> Files.isRegularFile(page));
		assertThat(settledExports()).as("exports after one publish on two nodes").isEqualTo(before + 1);
		assertThat(Files.readString(site.resolve("news/index.html"))).contains("Harbor crane arrives");

		b.bean(Publishing.class).takeDown(story, Takedown.gone("Sent in error."), "publisher");
		await("the takedown exported", () -> read(page).contains("This story has been removed"));
		assertThat(settledExports()).as("exports after one takedown on two nodes").isEqualTo(before + 2);
		assertThat(read(page)).contains("Sent in error.").doesNotContain("Harbor crane arrives</h1>");
		assertThat(Files.readString(site.resolve("news/index.html"))).doesNotContain("Harbor crane arrives");
	}

	/** The number of exports once no node has exported for a while. */
	private static long settledExports() throws InterruptedException {
		ExportClaimRepository claims = a.bean(ExportClaimRepository.class);
		Instant deadline = Instant.now().plus(PATIENCE);
		long count = claims.exports(ExportClaimRepository.STATIC).orElseThrow();
		Instant changed = Instant.now();
		while (Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			long now = claims.exports(ExportClaimRepository.STATIC).orElseThrow();
			boolean due = a.bean(AutomaticExport.class).isDue() || b.bean(AutomaticExport.class).isDue();
			if (now != count || due) {
				count = now;
				changed = Instant.now();
			}
			else if (Duration.between(changed, Instant.now()).compareTo(QUIET) >= 0) {
				return count;
			}
		}
		throw new AssertionError("The nodes kept exporting for " + PATIENCE);
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + PATIENCE + ": " + what);
			}
			Thread.sleep(100);
		}
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

}
