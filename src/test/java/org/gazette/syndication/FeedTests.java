package org.gazette.syndication;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.gazette.content.ArticleType;
import org.gazette.publishing.Publishing;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed, parsed strictly (a namespace-aware XML parser with no doctype, then Rome
 * with its XML healer off) and checked for the elements RSS 2.0 and Atom 1.0 require;
 * conditional requests; the embargo.
 */
@GazetteWebTest
class FeedTests {

	static final String NASTY = "Tariffs & <Trade> \"quoted\" 'single' \uD83D\uDE80 rocket ]]> done";

	static final String[] FEEDS = { "/feeds/all", "/feeds/types/news-release", "/feeds/types/statement",
			"/feeds/topics/trade", "/feeds/authors/jane-doe" };

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	@Autowired
	Publishing publishing;

	Http http;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var jane = this.stories.author("Jane Doe");
		var ann = this.stories.author("Ann Lee");
		var trade = this.stories.topic("Trade");
		var ports = this.stories.topic("Ports");
		this.stories.story(NASTY)
			.slug("nasty")
			.summary("Summary with & and <b>tags</b>")
			.body("Body with a [link](/news/other) and **bold** & stuff.\n\n<script>alert(1)</script>")
			.by(jane, ann)
			.about(trade, ports)
			.releasedAt(this.clock.instant().minus(Duration.ofHours(2)))
			.publish();
		this.stories.story("A statement without a byline")
			.slug("statement")
			.type(ArticleType.STATEMENT)
			.releasedAt(this.clock.instant().minus(Duration.ofHours(1)))
			.publish();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rss", "atom" })
	void everyFeedIsWellFormedAndHasTheRequiredElements(String format) throws Exception {
		for (String feed : FEEDS) {
			var response = this.http.get(feed + "." + format);
			assertThat(response.status()).as(feed).isEqualTo(200);
			assertThat(response.header("Content-Type").orElseThrow()).as(feed)
				.startsWith("rss".equals(format) ? "application/rss+xml" : "application/atom+xml");
			Document xml = strictlyParsed(response.body());
			if ("rss".equals(format)) {
				checkRss(feed, xml);
			}
			else {
				checkAtom(feed, xml);
			}
			SyndFeed parsed = rome(response.body());
			assertThat(parsed.getEntries()).as(feed).isNotEmpty();
		}
	}

	@Test
	void entriesCarryTitleLinkIdDatesAuthorsCategoriesSummaryAndFullContent() throws Exception {
		for (String format : new String[] { "rss", "atom" }) {
			SyndFeed feed = rome(this.http.get("/feeds/all." + format).body());
			assertThat(feed.getEntries()).hasSize(2);
			SyndEntry nasty = feed.getEntries().get(1);
			assertThat(nasty.getTitle()).isEqualTo(NASTY);
			assertThat(nasty.getLink()).isEqualTo("https://news.example.gov/news/nasty");
			assertThat(nasty.getUri()).startsWith("tag:news.example.gov,2026-11-27:article/");
			assertThat(nasty.getPublishedDate().toInstant()).isEqualTo(MutableClock.START.minus(Duration.ofHours(2)));
			if ("atom".equals(format)) {
				assertThat(nasty.getAuthors()).extracting("name").containsExactly("Jane Doe", "Ann Lee");
			}
			else {
				assertThat(((com.rometools.rome.feed.module.DCModule) nasty
					.getModule(com.rometools.rome.feed.module.DCModule.URI)).getCreators())
					.containsExactly("Jane Doe", "Ann Lee");
			}
			assertThat(nasty.getCategories()).extracting("name").containsExactlyInAnyOrder("Trade", "Ports");
			assertThat(nasty.getDescription().getValue()).contains("Summary with & and <b>tags</b>");
			String body = nasty.getContents().get(0).getValue();
			assertThat(body).contains("<strong>bold</strong>", "href=\"https://news.example.gov/news/other\"")
				.doesNotContain("<script");
			if ("atom".equals(format)) {
				assertThat(nasty.getUpdatedDate()).isNotNull();
			}
		}
	}

	@Test
	void theEntryIdStaysWhenTheStoryIsEdited() throws Exception {
		String before = rome(this.http.get("/feeds/all.atom").body()).getEntries().get(0).getUri();
		this.clock.advance(Duration.ofMinutes(5));
		long id = this.stories.story("Another").slug("another").draft();
		this.publishing.publish(id, null);
		var entries = rome(this.http.get("/feeds/all.atom").body()).getEntries();
		assertThat(entries.get(1).getUri()).isEqualTo(before);
	}

	@Test
	void feedsAnswerConditionalRequestsAndHead() {
		var first = this.http.get("/feeds/all.rss");
		String etag = first.header("ETag").orElseThrow();
		String lastModified = first.header("Last-Modified").orElseThrow();
		assertThat(this.http.get("/feeds/all.rss", "If-None-Match", etag).status()).isEqualTo(304);
		assertThat(this.http.get("/feeds/all.rss", "If-Modified-Since", lastModified).status()).isEqualTo(304);
		var head = this.http.send("HEAD", "/feeds/all.atom");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.rawBody()).isEmpty();
		assertThat(this.http.get("/feeds/all.rss", "Origin", "https://reader.example.com")
			.header("Access-Control-Allow-Origin")).contains("*");
	}

	@Test
	void unknownKindsTopicsAuthorsAndFormatsAreNotFound() {
		for (String path : new String[] { "/feeds/topics/nothing.rss", "/feeds/authors/nobody.atom",
				"/feeds/types/rumour.rss", "/feeds/all.json", "/feeds/topics/Trade.rss" }) {
			assertThat(this.http.get(path).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void aScheduledStoryEntersEveryFeedAtItsReleaseInstantAndAnUnpublishedOneLeaves() throws Exception {
		var jane = this.stories.author("Joe Bloggs");
		Instant release = this.clock.instant().plus(Duration.ofHours(3));
		long id = this.stories.story("Embargoed decision").slug("embargoed").by(jane).releasedAt(release).publish();
		String etag = this.http.get("/feeds/all.atom").header("ETag").orElseThrow();
		for (String feed : new String[] { "/feeds/all", "/feeds/types/news-release", "/feeds/authors/joe-bloggs" }) {
			for (String format : new String[] { ".rss", ".atom" }) {
				assertThat(this.http.get(feed + format).body()).as(feed).doesNotContain("Embargoed decision");
			}
		}
		this.clock.set(release.minusMillis(1));
		assertThat(this.http.get("/feeds/all.rss").body()).doesNotContain("Embargoed decision");
		this.clock.set(release);
		for (String feed : new String[] { "/feeds/all", "/feeds/types/news-release", "/feeds/authors/joe-bloggs" }) {
			for (String format : new String[] { ".rss", ".atom" }) {
				assertThat(this.http.get(feed + format).body()).as(feed).contains("Embargoed decision");
			}
		}
		assertThat(this.http.get("/feeds/all.atom", "If-None-Match", etag).status()).isEqualTo(200);
		this.publishing.unpublish(id);
		assertThat(this.http.get("/feeds/all.rss").body()).doesNotContain("Embargoed decision");
		assertThat(this.http.get("/feeds/authors/joe-bloggs.atom").body()).doesNotContain("Embargoed decision");
	}

	@Test
	void controlCharactersThatXmlCannotCarryAreDroppedAndEverythingElseKept() {
		// The content rules refuse them in titles today; imported text may still carry
		// them.
		assertThat(XmlText.clean("a\u0001b\u0008c\uFFFEd\uD800e \uD83D\uDE80\tf\n"))
			.isEqualTo("abcde \uD83D\uDE80\tf\n");
	}

	static Document strictlyParsed(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		var builder = factory.newDocumentBuilder();
		builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
			@Override
			public void error(org.xml.sax.SAXParseException ex) throws org.xml.sax.SAXException {
				throw ex;
			}

			@Override
			public void fatalError(org.xml.sax.SAXParseException ex) throws org.xml.sax.SAXException {
				throw ex;
			}
		});
		return builder.parse(new InputSource(new StringReader(xml)));
	}

	static SyndFeed rome(String xml) throws Exception {
		SyndFeedInput input = new SyndFeedInput(true, java.util.Locale.US);
		input.setXmlHealerOn(false);
		input.setAllowDoctypes(false);
		return input.build(new InputSource(new ByteArrayInputStream(xml.getBytes("UTF-8"))));
	}

	private static void checkRss(String feed, Document xml) throws Exception {
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("rss");
		assertThat(xml.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		for (String required : new String[] { "title", "link", "description" }) {
			assertThat(text(xml, "/rss/channel/" + required)).as(feed + " channel " + required).isNotBlank();
		}
		NodeList items = nodes(xml, "/rss/channel/item");
		for (int i = 1; i <= items.getLength(); i++) {
			String item = "/rss/channel/item[" + i + "]/";
			assertThat(text(xml, item + "title")).as(feed).isNotBlank();
			assertThat(text(xml, item + "link")).as(feed).startsWith("https://news.example.gov/news/");
			assertThat(text(xml, item + "guid")).as(feed).startsWith("tag:");
			// RFC 822 dates, as RSS 2.0 requires.
			java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(text(xml, item + "pubDate"));
			assertThat(text(xml, item + "description")).as(feed).isNotBlank();
		}
	}

	private static void checkAtom(String feed, Document xml) throws Exception {
		String atom = "http://www.w3.org/2005/Atom";
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(atom);
		assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("feed");
		for (String required : new String[] { "id", "title", "updated" }) {
			assertThat(text(xml, "/*[local-name()='feed']/*[local-name()='" + required + "']"))
				.as(feed + " feed " + required)
				.isNotBlank();
		}
		assertThat(text(xml, "/*[local-name()='feed']/*[local-name()='link'][@rel='self']/@href"))
			.as(feed + " self link")
			.endsWith(feed + ".atom");
		boolean feedAuthor = !text(xml, "/*[local-name()='feed']/*[local-name()='author']/*[local-name()='name']")
			.isBlank();
		NodeList entries = nodes(xml, "/*[local-name()='feed']/*[local-name()='entry']");
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= entries.getLength(); i++) {
			String entry = "/*[local-name()='feed']/*[local-name()='entry'][" + i + "]/*[local-name()='";
			for (String required : new String[] { "id", "title", "updated" }) {
				assertThat(text(xml, entry + required + "']")).as(feed + " entry " + required).isNotBlank();
			}
			Instant.parse(text(xml, entry + "updated']"));
			Instant.parse(text(xml, entry + "published']"));
			assertThat(text(xml, entry + "link']/@href")).startsWith("https://news.example.gov/news/");
			assertThat(feedAuthor || !text(xml, entry + "author']/*[local-name()='name']").isBlank()).isTrue();
			ids.add(text(xml, entry + "id']"));
		}
		assertThat(ids).doesNotHaveDuplicates();
	}

	private static String text(Document xml, String path) throws Exception {
		return (String) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.STRING);
	}

	private static NodeList nodes(Document xml, String path) throws Exception {
		return (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
	}

}
