package org.gazette.syndication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.gazette.GazetteApplication;
import org.gazette.support.CommandRun;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar gazette.jar export-static DIR}, run as an operator would, against the
 * database a running application serves: every exported file is byte for byte what that
 * application sends for the same address.
 */
@GazetteWebTest
class ExportStaticCommandTests {

	/** The running application's database (see {@code GazetteWebTest}). */
	private static final String DATABASE = "jdbc:h2:mem:web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	ExportStaticCommand command;

	@TempDir
	Path temporary;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		ExportFixture.build(this.stories);
	}

	@Test
	void exportsEveryPageFeedSitemapAndAssetAsTheServerSendsThem() throws Exception {
		Path site = this.temporary.resolve("public");
		CommandRun run = CommandRun.of(() -> GazetteApplication.runCommand("export-static", site.toString(),
				"--spring.datasource.url=" + DATABASE, "--gazette.base-url=https://news.example.gov",
				"--gazette.demo-content=false",
				"--gazette.search.index-directory=target/test-search-index/" + UUID.randomUUID(),
				"--logging.level.root=warn"));
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).containsPattern("Exported 63 pages and \\d{3,} other files to " + site)
			.contains("Links: root.")
			.contains("Next scheduled release: January 5, 2099 at 9:30 AM EST.");
		assertThat(Files.isSymbolicLink(site)).isTrue();

		Map<String, Path> files = ExportFixture.files(site);
		assertThat(files).containsKeys("index.html", "news/page/3/index.html", "news/story-44/index.html",
				"feeds/all.rss", "feeds/topics/travel.atom", "sitemap.xml", "sitemaps/stories-1.xml", "robots.txt",
				"404.html");
		Http http = new Http(this.port);
		int pages = 0;
		for (Map.Entry<String, Path> file : files.entrySet()) {
			if (file.getKey().equals("404.html")) {
				continue;
			}
			String address = ExportFixture.address(file.getKey());
			var response = http.get(address);
			assertThat(response.status()).as(address).isEqualTo(200);
			assertThat(Files.readAllBytes(file.getValue())).as(address).isEqualTo(response.rawBody());
			pages += file.getKey().endsWith(".html") ? 1 : 0;
		}
		assertThat(pages).isEqualTo(63);
	}

	@Test
	void saysWhatIsWrongWithWhatItWasGivenAndWritesNothing() throws Exception {
		CommandRun missing = CommandRun.of(() -> GazetteApplication.runCommand("export-static"));
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("Missing required parameter: 'DIR'")
			.contains("Usage: gazette export-static [-hV] [--full] [--verbose] [--base-url=URL] [--links=STYLE] DIR")
			.contains("(see gazette export-static --help)");
		assertThat(missing.err().lines()).hasSize(1);

		assertThat(CommandRun.of(() -> GazetteApplication.runCommand("export-static", "a", "b")).status()).isEqualTo(2);

		Path file = Files.writeString(this.temporary.resolve("notes.txt"), "not a directory");
		CommandRun aFile = CommandRun.of(() -> execute(file.toString()));
		assertThat(aFile.status()).isEqualTo(1);
		assertThat(aFile.err()).contains("Cannot export to " + file + ": it is a file.");
		assertThat(Files.readString(file)).isEqualTo("not a directory");

		Path underAFile = file.resolve("site");
		CommandRun belowAFile = CommandRun.of(() -> execute(underAFile.toString()));
		assertThat(belowAFile.status()).isEqualTo(1);
		assertThat(belowAFile.err()).contains(file + " is a file, not a directory.");

		Path unwritable = unwritableDirectory().resolve("site");
		CommandRun noPermission = CommandRun.of(() -> execute(unwritable.toString()));
		assertThat(noPermission.status()).isEqualTo(1);
		assertThat(noPermission.err()).startsWith("export-static: Cannot export to " + unwritable + ": ")
			.contains("write");
		assertThat(unwritable).doesNotExist();

		Path someoneElses = Files.createDirectories(this.temporary.resolve("www"));
		Files.writeString(someoneElses.resolve("index.html"), "<p>their site</p>");
		CommandRun notOurs = CommandRun.of(() -> execute(someoneElses.toString()));
		assertThat(notOurs.status()).isEqualTo(1);
		assertThat(notOurs.err()).contains("it is a directory that Gazette did not make");
		assertThat(Files.readString(someoneElses.resolve("index.html"))).isEqualTo("<p>their site</p>");

		Path site = this.temporary.resolve("site");
		CommandRun badStyle = CommandRun.of(() -> execute(site.toString(), "--links=sideways"));
		assertThat(badStyle.status()).isEqualTo(2);
		assertThat(badStyle.err()).contains("unknown link style \"sideways\": use root, relative or absolute");
		CommandRun badBase = CommandRun.of(() -> execute(site.toString(), "--links=absolute", "--base-url=newsroom"));
		assertThat(badBase.status()).isEqualTo(2);
		assertThat(badBase.err()).contains("--base-url must be an absolute address");
		assertThat(site).doesNotExist();
		assertThat(this.temporary.resolve("site.versions")).doesNotExist();
	}

	@Test
	void aBrokenLinkFailsTheCommandAndSaysWhere() {
		this.stories.story("Budget").slug("budget").body("See [this](/news/missing).").publish();
		Path site = this.temporary.resolve("site");
		CommandRun run = CommandRun.of(() -> execute(site.toString()));
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).contains("The export has 1 broken link")
			.contains("/news/budget links to /news/missing, which is not in the export");
		assertThat(site).doesNotExist();
	}

	/**
	 * A directory this process cannot write in: one without write permission, or, for
	 * root (whom permissions do not stop), {@code /proc}.
	 */
	private Path unwritableDirectory() throws Exception {
		Path locked = Files.createDirectories(this.temporary.resolve("locked"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
		return Files.isWritable(locked) ? Path.of("/proc") : locked;
	}

	/**
	 * The command bean, given these words as picocli gives them. Picocli takes a reused
	 * instance's current values as defaults, so the options are cleared first, as a new
	 * process would have them.
	 */
	private int execute(String... args) {
		this.command.directory = null;
		this.command.links = null;
		this.command.baseUrl = null;
		this.command.full = false;
		return new CommandLine(this.command).execute(args);
	}

}
