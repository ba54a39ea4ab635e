package org.gazette.syndication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStamp;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryList;
import org.gazette.publishing.StoryQuery;

import org.springframework.stereotype.Component;

/**
 * The sitemap protocol's files: an index naming a sitemap of the listing pages, one per
 * slice of at most {@link SyndicationProperties#sitemapSize()} stories and a news sitemap
 * of the last two days; and robots.txt pointing at them.
 */
@Component
class Sitemaps {

	static final String XML = "application/xml;charset=UTF-8";

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	/** Google News reads stories from the last two days, and at most 1,000 of them. */
	static final Duration NEWS_WINDOW = Duration.ofDays(2);

	static final int NEWS_MAX = 1000;

	private final Newsroom newsroom;

	private final Content content;

	private final SiteUrls urls;

	private final GazetteProperties properties;

	private final int size;

	private final Clock clock;

	Sitemaps(Newsroom newsroom, Content content, SiteUrls urls, GazetteProperties properties,
			SyndicationProperties syndication, Clock clock) {
		this.newsroom = newsroom;
		this.content = content;
		this.urls = urls;
		this.properties = properties;
		this.size = syndication.sitemapSize();
		this.clock = clock;
	}

	/** How many story sitemaps there are: stories-1 to stories-N. */
	int storySitemaps() {
		long count = this.newsroom.count(StoryQuery.ALL);
		return (int) ((count + this.size - 1) / this.size);
	}

	Rendered index() {
		Instant updated = this.newsroom.lastPublicUpdate().orElse(null);
		int slices = storySitemaps();
		return xml((out) -> {
			out.writeStartElement("sitemapindex");
			out.writeDefaultNamespace(SITEMAP_NS);
			sitemap(out, "pages", updated);
			for (int n = 1; n <= slices; n++) {
				List<PublicStamp> first = this.newsroom.stamps((long) (n - 1) * this.size, this.size);
				sitemap(out, "stories-" + n,
						first.stream().map(PublicStamp::lastModified).max(Instant::compareTo).orElse(updated));
			}
			sitemap(out, "news", updated);
			out.writeEndElement();
		});
	}

	Rendered pages() {
		Instant updated = this.newsroom.lastPublicUpdate().orElse(null);
		return xml((out) -> {
			out.writeStartElement("urlset");
			out.writeDefaultNamespace(SITEMAP_NS);
			url(out, this.urls.home(), updated);
			url(out, this.urls.news(), updated);
			for (ArticleType type : ArticleType.values()) {
				url(out, this.urls.news(Map.of("type", type.code())), null);
			}
			for (Topic topic : this.content.topics()) {
				url(out, this.urls.topic(topic.slug()), null);
			}
			for (Author author : this.content.authors()) {
				url(out, this.urls.author(author.slug()), null);
			}
			out.writeEndElement();
		});
	}

	/** Stories slice {@code n} (from 1), or null past the last one. */
	Rendered stories(int n) {
		if (n < 1 || n > storySitemaps()) {
			return null;
		}
		List<PublicStamp> stamps = this.newsroom.stamps((long) (n - 1) * this.size, this.size);
		return xml((out) -> {
			out.writeStartElement("urlset");
			out.writeDefaultNamespace(SITEMAP_NS);
			for (PublicStamp stamp : stamps) {
				url(out, this.urls.story(stamp.slug()), stamp.lastModified());
			}
			out.writeEndElement();
		});
	}

	Rendered news() {
		Instant since = this.clock.instant().minus(NEWS_WINDOW);
		StoryList recent = this.newsroom.list(new StoryQuery(null, null, null, since, null), 1, NEWS_MAX);
		return xml((out) -> {
			out.writeStartElement("urlset");
			out.writeDefaultNamespace(SITEMAP_NS);
			out.writeNamespace("news", NEWS_NS);
			for (StoryCard story : recent.stories()) {
				out.writeStartElement("url");
				element(out, "loc", this.urls.absolute(this.urls.story(story.slug())));
				out.writeStartElement("news", "news", NEWS_NS);
				out.writeStartElement("news", "publication", NEWS_NS);
				out.writeStartElement("news", "name", NEWS_NS);
				out.writeCharacters(XmlText.clean(this.properties.siteName()));
				out.writeEndElement();
				out.writeStartElement("news", "language", NEWS_NS);
				out.writeCharacters("en");
				out.writeEndElement();
				out.writeEndElement();
				out.writeStartElement("news", "publication_date", NEWS_NS);
				out.writeCharacters(w3c(story.releaseAt()));
				out.writeEndElement();
				out.writeStartElement("news", "title", NEWS_NS);
				out.writeCharacters(XmlText.clean(story.title()));
				out.writeEndElement();
				out.writeEndElement();
				out.writeEndElement();
			}
			out.writeEndElement();
		});
	}

	Rendered robots() {
		String text = """
				User-agent: *
				Allow: /
				Disallow: /admin/
				Disallow: /search
				Disallow: /api/

				Sitemap: %s
				Sitemap: %s
				""".formatted(this.urls.absolute(this.urls.sitemapIndex()),
				this.urls.absolute(this.urls.sitemap("news")));
		return Rendered.of(text.getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8", this.clock.instant());
	}

	private void sitemap(XMLStreamWriter out, String name, Instant lastModified) throws XMLStreamException {
		out.writeStartElement("sitemap");
		element(out, "loc", this.urls.absolute(this.urls.sitemap(name)));
		if (lastModified != null) {
			element(out, "lastmod", w3c(lastModified));
		}
		out.writeEndElement();
	}

	private void url(XMLStreamWriter out, String path, Instant lastModified) throws XMLStreamException {
		out.writeStartElement("url");
		element(out, "loc", this.urls.absolute(path));
		if (lastModified != null) {
			element(out, "lastmod", w3c(lastModified));
		}
		out.writeEndElement();
	}

	private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
		out.writeStartElement(name);
		out.writeCharacters(XmlText.clean(text));
		out.writeEndElement();
	}

	/** W3C Datetime, as sitemaps want it: {@code 2026-11-27T20:00:00Z}. */
	private static String w3c(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private Rendered xml(XmlBody body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
		try {
			XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
			out.writeStartDocument("UTF-8", "1.0");
			body.write(out);
			out.writeEndDocument();
			out.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Sitemap could not be written", ex);
		}
		return Rendered.of(bytes.toByteArray(), XML, this.clock.instant());
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter out) throws XMLStreamException;

	}

}
