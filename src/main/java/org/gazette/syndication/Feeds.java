package org.gazette.syndication;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Resolved;
import org.gazette.content.Topic;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Byline;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.StoryQuery;
import org.gazette.publishing.TopicLink;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * RSS 2.0 and Atom 1.0 feeds of the newest public stories, written with Rome. Each entry
 * carries the full sanitized body with its links made absolute, since feed readers show
 * it away from the site.
 */
@Component
class Feeds {

	static final String RSS_TYPE = "application/rss+xml;charset=UTF-8";

	static final String ATOM_TYPE = "application/atom+xml;charset=UTF-8";

	private final Newsroom newsroom;

	private final Content content;

	private final SiteUrls urls;

	private final GazetteProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final String host;

	private final int entries;

	Feeds(Newsroom newsroom, Content content, SiteUrls urls, GazetteProperties properties, MessageSource messages,
			SyndicationProperties syndication, Clock clock) {
		this.entries = syndication.feedEntries();
		this.newsroom = newsroom;
		this.content = content;
		this.urls = urls;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
		this.host = properties.baseUrl().getHost();
	}

	FeedScope all() {
		return new FeedScope("all", StoryQuery.ALL, text("feed.all.title", site()), text("feed.all.description"),
				this.urls.news());
	}

	Optional<FeedScope> type(String code) {
		return ArticleType.fromCode(code)
			.map((type) -> new FeedScope("types/" + code, new StoryQuery(type, null, null, null, null),
					text("feed.type.title", text("type." + code + ".plural"), site()),
					text("feed.type.description", text("type." + code + ".plural")),
					this.urls.news(java.util.Map.of("type", code))));
	}

	/** The feed of the topic at this address, if a topic in use has it. */
	Optional<FeedScope> topic(String slug) {
		return resolveTopic(slug).filter((found) -> !found.moved()).map(Resolved::value);
	}

	/**
	 * The feed of the topic at this address, or of the topic in use now when the address
	 * is a merged duplicate's or a former one ({@link Resolved#moved()}).
	 */
	Optional<Resolved<FeedScope>> resolveTopic(String slug) {
		return this.content.resolveTopic(slug).map((found) -> {
			Topic topic = found.value();
			return new Resolved<>(
					new FeedScope("topics/" + topic.slug(), StoryQuery.byTopic(topic.id()),
							text("feed.topic.title", topic.name(), site()),
							text("feed.topic.description", topic.name()), this.urls.topic(topic.slug())),
					found.moved());
		});
	}

	/** The feed of the author at this address, if an author in use has it. */
	Optional<FeedScope> author(String slug) {
		return resolveAuthor(slug).filter((found) -> !found.moved()).map(Resolved::value);
	}

	/** As {@link #resolveTopic(String)}, for authors. */
	Optional<Resolved<FeedScope>> resolveAuthor(String slug) {
		return this.content.resolveAuthor(slug).map((found) -> {
			Author author = found.value();
			return new Resolved<>(
					new FeedScope("authors/" + author.slug(), StoryQuery.byAuthor(author.id()),
							text("feed.author.title", author.name(), site()),
							text("feed.author.description", author.name()), this.urls.author(author.slug())),
					found.moved());
		});
	}

	/** The feed as bytes; {@code format} is {@code rss} or {@code atom}. */
	Rendered render(FeedScope scope, String format) {
		return render(scope, format, this.newsroom.latestInFull(scope.query(), this.entries));
	}

	/** How many of the newest stories a feed carries. */
	int entries() {
		return this.entries;
	}

	/**
	 * The feed of the given stories, read already ({@link #entries()} of the newest the
	 * scope's query selects, newest first).
	 */
	Rendered render(FeedScope scope, String format, List<IndexableStory> stories) {
		boolean atom = "atom".equals(format);
		Instant now = this.clock.instant();
		// Only an empty feed asks when anything last changed: a max() over every story.
		Instant updated = stories.stream()
			.map(Feeds::updated)
			.max(Instant::compareTo)
			.orElseGet(() -> this.newsroom.lastPublicUpdate().orElse(Instant.EPOCH));
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
		feed.setEncoding("UTF-8");
		feed.setTitle(XmlText.clean(scope.title()));
		feed.setDescription(XmlText.clean(scope.description()));
		feed.setLink(this.urls.absolute(scope.pagePath()));
		feed.setUri(this.urls.absolute(this.feedPath(scope, format)));
		feed.setLanguage("en-us");
		feed.setPublishedDate(Date.from(updated));
		feed.setGenerator("Gazette");
		if (atom) {
			feed.setLinks(List.of(link("alternate", scope.pagePath(), "text/html"),
					link("self", feedPath(scope, format), "application/atom+xml")));
			feed.setAuthors(List.of(person(this.properties.agencyName(), this.properties.agencyUrl().toString())));
		}
		List<SyndEntry> entries = new ArrayList<>();
		for (IndexableStory story : stories) {
			entries.add(entry(story, atom));
		}
		feed.setEntries(entries);
		try {
			byte[] body = new SyndFeedOutput().outputString(feed, false).getBytes(StandardCharsets.UTF_8);
			return Rendered.of(body, atom ? ATOM_TYPE : RSS_TYPE, now);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Feed " + scope.key() + " could not be written", ex);
		}
	}

	String feedPath(FeedScope scope, String format) {
		return "/feeds/" + scope.key() + "." + format;
	}

	/**
	 * A story's id in feeds: stable across edits and slug changes, and unique to this
	 * site (RFC 4151 tag URI; the date is the release date, fixed once released).
	 */
	String entryId(IndexableStory story) {
		return "tag:" + this.host + "," + story.releaseAt().atOffset(ZoneOffset.UTC).toLocalDate() + ":article/"
				+ story.id();
	}

	private SyndEntry entry(IndexableStory story, boolean atom) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setTitle(XmlText.clean(story.title()));
		entry.setLink(this.urls.absolute(this.urls.story(story.slug())));
		entry.setUri(entryId(story));
		entry.setPublishedDate(Date.from(story.releaseAt()));
		entry.setUpdatedDate(Date.from(updated(story)));
		List<SyndPerson> authors = new ArrayList<>();
		for (Byline byline : story.bylines()) {
			authors.add(person(byline.name(), this.urls.absolute(this.urls.author(byline.slug()))));
		}
		if (atom) {
			entry.setAuthors(authors);
		}
		else {
			// RSS 2.0's author element must be an email address; names go in dc:creator.
			DCModule dc = (DCModule) entry.getModule(DCModule.URI);
			dc.setCreators(authors.stream().map(SyndPerson::getName).toList());
		}
		List<SyndCategory> categories = new ArrayList<>();
		for (TopicLink topic : story.topics()) {
			SyndCategory category = new SyndCategoryImpl();
			category.setName(XmlText.clean(topic.name()));
			category.setTaxonomyUri(this.urls.absolute(this.urls.topic(topic.slug())));
			categories.add(category);
		}
		entry.setCategories(categories);
		SyndContent summary = new SyndContentImpl();
		summary.setType("text/plain");
		summary.setValue(XmlText.clean(story.summary()));
		entry.setDescription(summary);
		SyndContent body = new SyndContentImpl();
		body.setType("html");
		body.setValue(absoluteLinks(XmlText.clean(story.bodyHtml())));
		entry.setContents(List.of(body));
		return entry;
	}

	/**
	 * Site-relative links and images in a body, made absolute for readers off the site.
	 */
	private String absoluteLinks(String html) {
		String base = this.urls.absolute("/");
		return html.replace("href=\"/", "href=\"" + base).replace("src=\"/", "src=\"" + base);
	}

	private SyndLink link(String rel, String path, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(this.urls.absolute(path));
		link.setType(type);
		return link;
	}

	private static SyndPerson person(String name, String uri) {
		SyndPerson person = new SyndPersonImpl();
		person.setName(XmlText.clean(name));
		person.setUri(uri);
		return person;
	}

	private static Instant updated(IndexableStory story) {
		return (story.lastPublicUpdateAt() != null && story.lastPublicUpdateAt().isAfter(story.releaseAt()))
				? story.lastPublicUpdateAt() : story.releaseAt();
	}

	private String site() {
		return this.properties.siteName();
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.ENGLISH);
	}

}
