package org.gazette.migration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading WordPress exports and feeds: what is read from real-shaped files, and how a
 * hostile or broken file is refused, with where its problem is.
 */
class WxrReaderTests {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Test
	void readsPostsWithTheirAuthorsTermsDatesAndComments() {
		String xml = Wxr.site("https://old.example.gov")
			.author("jdoe", "Jane Doe")
			.post(Wxr.post(12, "Bridge reopens").category("Statements").tag("Roads").comment("Great!"))
			.post(Wxr.post(13, "Draft note").status("draft").localDate("2020-01-02 08:00:00"))
			.xml();
		List<SourceItem> items = readAll(new WxrReader(in(xml), ZONE, 10_000));
		assertThat(items).hasSize(2);
		SourceItem first = items.get(0);
		assertThat(first.itemId()).isEqualTo("12");
		assertThat(first.status()).isEqualTo(SourceStatus.PUBLISH);
		assertThat(first.releasedAt()).isEqualTo(Instant.parse("2019-05-14T13:45:00Z"));
		assertThat(first.authors()).containsExactly(new SourceItem.Person("jdoe", "Jane Doe"));
		assertThat(first.categories()).extracting(SourceItem.Term::name).containsExactly("Statements");
		assertThat(first.tags()).extracting(SourceItem.Term::name).containsExactly("Roads");
		assertThat(first.link()).isEqualTo("https://old.example.gov/2019/05/bridge-reopens/");
		assertThat(first.comments()).isEqualTo(1);
		assertThat(items.get(1).releasedAt()).as("local time in the site's zone when GMT is unset")
			.isEqualTo(Instant.parse("2020-01-02T13:00:00Z"));
	}

	@Test
	void cdataSplitAroundItsOwnEndMarkerIsJoined() {
		String xml = Wxr.site("https://old.example.gov")
			.post(Wxr.post(1, "Code").content("Write ]]> in XML with care."))
			.xml();
		assertThat(readAll(new WxrReader(in(xml), ZONE, 10_000)).get(0).html())
			.isEqualTo("Write ]]> in XML with care.");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> new WxrReader(in(""), ZONE, 100))
			.withMessageContaining("not well-formed");
	}

	@Test
	void aFileOfAnotherKindIsRefusedByItsRootElement() {
		assertThatExceptionOfType(ImportFailedException.class)
			.isThrownBy(() -> new WxrReader(in("<?xml version=\"1.0\"?>\n<html><body/></html>"), ZONE, 100))
			.withMessage("Line 2, column 7: The file's root element is <html>, not the <rss> of a WordPress export.");
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(
				() -> new WxrReader(in("<rss version=\"2.0\"><channel><title>x</title></channel></rss>"), ZONE, 100))
			.withMessageContaining("not a WordPress export")
			.withMessageContaining("import-feed");
	}

	@Test
	void malformedXmlStopsWithItsLineAndColumn() {
		String xml = Wxr.site("https://old.example.gov")
			.post(Wxr.post(1, "One"))
			.xml()
			.replace("<wp:post_id>1</wp:post_id>", "<wp:post_id>1</wp:post_ix>");
		WxrReader reader = new WxrReader(in(xml), ZONE, 10_000);
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(reader::next)
			.withMessageMatching("Line \\d+, column \\d+: the file is not well-formed XML: .*post_id.*");
	}

	@Test
	void aTruncatedFileStopsWhereItEnds() {
		String xml = Wxr.site("https://old.example.gov").post(Wxr.post(1, "One")).post(Wxr.post(2, "Two")).xml();
		WxrReader reader = new WxrReader(in(xml.substring(0, xml.indexOf("<wp:post_id>2"))), ZONE, 10_000);
		assertThat(reader.next().itemId()).isEqualTo("1");
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(reader::next)
			.withMessageMatching("Line \\d+, column \\d+: .*");
	}

	@Test
	void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP SECRET");
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
				<rss><channel><title>&xxe;</title></channel></rss>
				""".formatted(secret.toUri());
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> new WxrReader(in(xml), ZONE, 100))
			.withMessageStartingWith("Line 2, column")
			.withMessageNotContaining("TOP SECRET");
	}

	@Test
	void externalEntitiesOverHttpAreNeverFetched() throws Exception {
		HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		List<String> requests = new ArrayList<>();
		server.createContext("/", (exchange) -> {
			requests.add(exchange.getRequestURI().toString());
			byte[] body = "<!ENTITY leak 'fetched'>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String xml = """
					<?xml version="1.0"?>
					<!DOCTYPE rss SYSTEM "http://127.0.0.1:%d/evil.dtd">
					<rss><channel><title>&leak;</title></channel></rss>
					""".formatted(server.getAddress().getPort());
			assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> new FeedReader(in(xml), 100));
			assertThat(requests).isEmpty();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void theBillionLaughsAreNotExpanded() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
		for (int i = 1; i < 10; i++) {
			xml.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">\n");
		}
		xml.append("]>\n<rss><channel><title>&lol9;</title></channel></rss>");
		long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		assertThatExceptionOfType(ImportFailedException.class)
			.isThrownBy(() -> new WxrReader(in(xml.toString()), ZONE, 1000))
			.withMessageStartingWith("Line ");
		long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		assertThat(after - before).isLessThan(100_000_000L);
	}

	@Test
	void aHugeTextNodeStopsTheImportWithItsPlace() {
		String xml = Wxr.site("https://old.example.gov").post(Wxr.post(1, "Huge").content("x".repeat(50_000))).xml();
		WxrReader reader = new WxrReader(in(xml), ZONE, 10_000);
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(reader::next)
			.withMessageMatching("Line \\d+: the text of <content:encoded> is longer than 10000 characters.*");
	}

	@Test
	void aHugeAtomXhtmlContentIsLimitedToo() {
		String atom = """
				<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><entry><id>urn:e</id><title>T</title>
				<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></content></entry></feed>
				""".formatted("<p>words</p>".repeat(2_000));
		FeedReader reader = new FeedReader(in(atom), 10_000);
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(reader::next)
			.withMessageMatching("Line \\d+, column \\d+: The text of <content> is longer than 10000 characters.*");
	}

	@Test
	void unicodeEverywhereSurvives() {
		String xml = Wxr.site("https://old.example.gov")
			.author("jose", "José Müller-Łukasz")
			.post(Wxr.post(1, "Año nuevo: 日本語 и кириллица 🎉")
				.by("jose")
				.content("Ünïcödé ✓ — “quoted”")
				.slug("%e6%97%a5%e6%9c%ac"))
			.xml();
		SourceItem item = readAll(new WxrReader(in(xml), ZONE, 10_000)).get(0);
		assertThat(item.title()).isEqualTo("Año nuevo: 日本語 и кириллица 🎉");
		assertThat(item.authors().get(0).name()).isEqualTo("José Müller-Łukasz");
		assertThat(item.html()).isEqualTo("Ünïcödé ✓ — “quoted”");
	}

	@Test
	void readsRssItems() {
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
				<channel><title>Agency news</title><link>https://agency.example.gov/news</link>
				<item><title>Flood warning lifted</title><link>https://agency.example.gov/news/flood</link>
				<guid>https://agency.example.gov/news/flood</guid><pubDate>Mon, 06 Jan 2020 15:30:00 GMT</pubDate>
				<author>press@agency.example.gov (Press Office)</author><category>Weather</category>
				<description>&lt;p&gt;The warning is &lt;b&gt;lifted&lt;/b&gt;.&lt;/p&gt;</description></item>
				</channel></rss>
				""";
		FeedReader reader = new FeedReader(in(rss), 10_000);
		assertThat(reader.source()).isEqualTo("https://agency.example.gov/news");
		SourceItem item = reader.next();
		assertThat(item.itemId()).isEqualTo("https://agency.example.gov/news/flood");
		assertThat(item.releasedAt()).isEqualTo(Instant.parse("2020-01-06T15:30:00Z"));
		assertThat(item.authors()).extracting(SourceItem.Person::name).containsExactly("Press Office");
		assertThat(item.html()).isEqualTo("<p>The warning is <b>lifted</b>.</p>");
		assertThat(reader.next()).isNull();
	}

	@Test
	void readsAtomEntriesWithXhtmlContent() {
		String atom = """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:uuid:feed-1</id>
				<entry><title type="html">Roads &amp;amp; bridges</title><id>urn:uuid:entry-1</id>
				<link rel="alternate" href="https://agency.example.gov/2021/roads"/>
				<published>2021-03-04T10:00:00-05:00</published><updated>2021-03-05T10:00:00Z</updated>
				<author><name>Ana Ruiz</name></author><category term="infrastructure"/>
				<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Work <em>starts</em> &lt;soon&gt;.</p></div></content>
				</entry></feed>
				""";
		FeedReader reader = new FeedReader(in(atom), 10_000);
		assertThat(reader.source()).isEqualTo("urn:uuid:feed-1");
		SourceItem item = reader.next();
		assertThat(item.title()).isEqualTo("Roads & bridges");
		assertThat(item.itemId()).isEqualTo("urn:uuid:entry-1");
		assertThat(item.link()).isEqualTo("https://agency.example.gov/2021/roads");
		assertThat(item.releasedAt()).isEqualTo(Instant.parse("2021-03-04T15:00:00Z"));
		assertThat(item.html()).isEqualTo("<div><p>Work <em>starts</em> &lt;soon&gt;.</p></div>");
		assertThat(reader.next()).isNull();
	}

	private static List<SourceItem> readAll(ItemSource source) {
		List<SourceItem> items = new ArrayList<>();
		for (SourceItem item = source.next(); item != null; item = source.next()) {
			items.add(item);
		}
		return items;
	}

	private static InputStream in(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
