package org.gazette.migration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import commands end to end, as the command line runs them (a Spring bean through
 * picocli), on the whole application: what readers then find at the new and the old
 * addresses, and the exit codes and one-line errors scripts rely on.
 */
@GazetteWebTest
class ImportCommandTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectProvider<ImportWxrCommand> importWxr;

	@Autowired
	ObjectProvider<ImportFeedCommand> importFeed;

	@Autowired
	TestNewsroom newsroom;

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void reset() {
		this.newsroom.reset();
	}

	private int run(ObjectProvider<?> command, String... args) {
		CommandLine line = new CommandLine(command.getObject());
		line.setOut(new PrintWriter(this.out, true));
		line.setErr(new PrintWriter(this.err, true));
		return line.execute(args);
	}

	private Path file(String name, String text) throws Exception {
		return Files.writeString(this.dir.resolve(name), text);
	}

	@Test
	void importedPostsAnswerAtTheirNewAddressWithBylineAndDateAndTheOldOneRedirects() throws Exception {
		Path wxr = file("export.xml",
				Wxr.site("https://old.example.gov")
					.author("jdoe", "Jane Doe")
					.post(Wxr.post(12, "Bridge reopens to traffic").category("Roads"))
					.post(Wxr.post(13, "Still a draft").status("draft"))
					.xml());
		assertThat(run(this.importWxr, wxr.toString())).isZero();
		assertThat(this.out.toString()).contains("created 2, updated 0, unchanged 0, skipped 0 stories",
				"added 1 redirects");
		this.newsroom.dropCachedPages();
		Http http = new Http(this.port);
		Http.Response page = http.get("/news/bridge-reopens-to-traffic");
		assertThat(page.status()).isEqualTo(200);
		Document document = page.document();
		assertThat(document.select("h1").text()).isEqualTo("Bridge reopens to traffic");
		assertThat(document.select(".gazette-byline").text()).isEqualTo("By Jane Doe");
		assertThat(document.select("main time").first().text()).isEqualTo("May 14, 2019");
		Http.Response old = http.get("/2019/05/bridge-reopens-to-traffic/");
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location").orElseThrow()).endsWith("/news/bridge-reopens-to-traffic");
		assertThat(http.get("/news/still-a-draft").status()).isEqualTo(404);

		this.out.getBuffer().setLength(0);
		assertThat(run(this.importWxr, wxr.toString())).isZero();
		assertThat(this.out.toString()).contains("created 0, updated 0, unchanged 2, skipped 0 stories");
	}

	@Test
	void wordPressShortLinksRedirectToTheStoryAndAnythingElseIsNotFound() throws Exception {
		Path wxr = file("export.xml",
				Wxr.site("https://old.example.gov")
					.post(Wxr.post(12, "Bridge reopens to traffic"))
					.post(Wxr.post(13, "Still a draft").status("draft"))
					.xml());
		assertThat(run(this.importWxr, wxr.toString())).isZero();
		Http http = new Http(this.port);
		for (String link : new String[] { "/?p=12", "/?page_id=12", "/?p=%2012%20" }) {
			Http.Response moved = http.get(link);
			assertThat(moved.status()).as(link).isEqualTo(301);
			assertThat(moved.header("Location").orElseThrow()).as(link).endsWith("/news/bridge-reopens-to-traffic");
		}
		// A draft's address stays unknown; bad numbers are no post.
		for (String link : new String[] { "/?p=13", "/?p=777", "/?p=abc", "/?p=-12", "/?p=0", "/?p=",
				"/?p=99999999999999999999999999", "/?page_id=1e3", "/?p=%3Cscript%3E" }) {
			assertThat(http.get(link).status()).as(link).isEqualTo(404);
		}
		assertThat(http.get("/").status()).isEqualTo(200);
	}

	@Test
	void aDryRunShowsWhatWouldHappenAndPublishesNothing() throws Exception {
		Path wxr = file("export.xml", Wxr.site("https://old.example.gov").post(Wxr.post(1, "Would be imported")).xml());
		assertThat(run(this.importWxr, "--dry-run", wxr.toString())).isZero();
		assertThat(this.out.toString()).contains("Dry run, nothing written. Would have: created 1,");
		assertThat(new Http(this.port).get("/news/would-be-imported").status()).isEqualTo(404);
	}

	@Test
	void aMalformedFileFailsWithOneLineSayingWhere() throws Exception {
		Path wxr = file("broken.xml", "<?xml version=\"1.0\"?>\n<rss><channel>\n<wp:wxr_version>1.2</wp:wxr_version>");
		assertThat(run(this.importWxr, wxr.toString())).isEqualTo(1);
		assertThat(this.err.toString().strip()).matches("import-wxr: Line 3, column \\d+: .*").doesNotContain("\n");
	}

	@Test
	void usageErrorsExitWithTwo() throws Exception {
		assertThat(run(this.importWxr, this.dir.resolve("missing.xml").toString())).isEqualTo(2);
		assertThat(this.err.toString()).startsWith("Cannot read ");
		Path wxr = file("export.xml", Wxr.site("https://old.example.gov").xml());
		this.err.getBuffer().setLength(0);
		assertThat(run(this.importWxr, "--default-type", "blog-post", wxr.toString())).isEqualTo(2);
		assertThat(this.err.toString()).startsWith(
				"Unknown story type 'blog-post': use one of news-release, feature-story, announcement, statement.");
		assertThat(run(this.importWxr)).isEqualTo(2);
	}

	@Test
	void helpDescribesTheCommand() {
		assertThat(run(this.importWxr, "--help")).isZero();
		assertThat(this.out.toString()).contains("Usage: import-wxr", "--dry-run", "--overwrite-edited");
		assertThat(run(this.importFeed, "--help")).isZero();
		assertThat(this.out.toString()).contains("Usage: import-feed");
	}

	@Test
	void anAtomFeedImportsAsPublishedStories() throws Exception {
		Path atom = file("feed.xml", """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:uuid:feed-1</id>
				<entry><title>Parks open for the summer</title><id>urn:uuid:entry-1</id>
				<link href="https://agency.example.gov/2021/parks-open"/>
				<published>2021-06-01T10:00:00-04:00</published><author><name>Ana Ruiz</name></author>
				<content type="html">&lt;p&gt;All parks &lt;em&gt;open&lt;/em&gt; Saturday.&lt;/p&gt;</content>
				</entry></feed>
				""");
		assertThat(run(this.importFeed, atom.toString())).isZero();
		this.newsroom.dropCachedPages();
		Http http = new Http(this.port);
		Document document = http.get("/news/parks-open-for-the-summer").document();
		assertThat(document.select(".gazette-byline").text()).isEqualTo("By Ana Ruiz");
		assertThat(document.select("main em").text()).isEqualTo("open");
		assertThat(http.get("/2021/parks-open").status()).isEqualTo(301);
	}

}
