package org.gazette.syndication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.Listings;
import org.gazette.publishing.Newsroom;
import org.gazette.site.SitePages;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The feeds, sitemaps and robots.txt of a static export, rendered by the same
 * {@link Feeds} and {@link Sitemaps} as the server's, so their absolute addresses use the
 * configured base URL.
 */
@Component
class ChannelFiles {

	/** Feeds rendered as one unit of work. */
	private static final int FEEDS_PER_GROUP = 16;

	private final Feeds feeds;

	private final Sitemaps sitemaps;

	private final Content content;

	private final SiteUrls urls;

	private final Newsroom newsroom;

	private final GazetteProperties properties;

	ChannelFiles(Feeds feeds, Sitemaps sitemaps, Content content, SiteUrls urls, Newsroom newsroom,
			GazetteProperties properties) {
		this.newsroom = newsroom;
		this.properties = properties;
		this.feeds = feeds;
		this.sitemaps = sitemaps;
		this.content = content;
		this.urls = urls;
	}

	/**
	 * Units of work, each handing its files to the consumer it is given; every feed is
	 * rendered.
	 */
	List<Consumer<Consumer<ChannelFile>>> groups() {
		return groups(SitePages.Selection.EVERY_PAGE);
	}

	/**
	 * Units of work, as {@link #groups()}, rendering only the feeds that
	 * {@code selection} asks for: a feed's version is a digest of what it is and the ids
	 * of its entries, so {@code selection} can keep one whose entries are the same
	 * stories, none of them changed. A feed left out is handed on without bytes. An empty
	 * feed has no version and is always rendered (its date is that of the newest change
	 * anywhere). Sitemaps and robots.txt are always made: they are few.
	 */
	List<Consumer<Consumer<ChannelFile>>> groups(SitePages.Selection selection) {
		List<FeedScope> scopes = new ArrayList<>();
		scopes.add(this.feeds.all());
		for (ArticleType type : ArticleType.values()) {
			this.feeds.type(type.code()).ifPresent(scopes::add);
		}
		for (Topic topic : this.content.topics()) {
			this.feeds.topic(topic.slug()).ifPresent(scopes::add);
		}
		for (Author author : this.content.authors()) {
			this.feeds.author(author.slug()).ifPresent(scopes::add);
		}
		// Every feed's entries from one read of the public stories, rather than one
		// filtered scan per feed.
		Supplier<Listings> listings = SingletonSupplier.of(this.newsroom::listings);
		List<Consumer<Consumer<ChannelFile>>> groups = new ArrayList<>();
		for (int from = 0; from < scopes.size(); from += FEEDS_PER_GROUP) {
			List<FeedScope> batch = scopes.subList(from, Math.min(scopes.size(), from + FEEDS_PER_GROUP));
			groups.add((out) -> {
				for (FeedScope scope : batch) {
					feed(scope, listings.get().latest(scope.query(), this.feeds.entries()), selection, out);
				}
			});
		}
		groups.add((out) -> {
			out.accept(new ChannelFile(this.urls.sitemapIndex(), this.sitemaps.index().body()));
			out.accept(new ChannelFile(this.urls.sitemap("pages"), this.sitemaps.pages().body()));
			out.accept(new ChannelFile(this.urls.sitemap("news"), this.sitemaps.news().body()));
			out.accept(new ChannelFile(this.urls.robots(), this.sitemaps.robots().body()));
			for (int n = 1; n <= this.sitemaps.storySitemaps(); n++) {
				String path = this.urls.sitemap("stories-" + n);
				Optional.ofNullable(this.sitemaps.stories(n))
					.ifPresent((slice) -> out.accept(new ChannelFile(path, slice.body())));
			}
		});
		return groups;
	}

	/** The scope's RSS and Atom feeds, its stories read once for both. */
	private void feed(FeedScope scope, List<Long> ids, SitePages.Selection selection, Consumer<ChannelFile> out) {
		List<IndexableStory> stories = null;
		for (String format : new String[] { "rss", "atom" }) {
			String path = this.feeds.feedPath(scope, format);
			String version = ids.isEmpty() ? null : version(scope, format, ids);
			if (version != null && !selection.render(path, version, ids)) {
				out.accept(new ChannelFile(path, null, version, true));
				continue;
			}
			if (stories == null) {
				stories = this.newsroom.inFull(ids);
			}
			out.accept(new ChannelFile(path, this.feeds.render(scope, format, stories).body(), version, true));
		}
	}

	/**
	 * What a feed's bytes depend on besides its stories' own content: what it is, the
	 * site it belongs to, and its entries in order.
	 */
	private String version(FeedScope scope, String format, List<Long> ids) {
		StringBuilder text = new StringBuilder();
		text.append(format)
			.append('\n')
			.append(scope.key())
			.append('\n')
			.append(scope.title())
			.append('\n')
			.append(scope.description())
			.append('\n')
			.append(scope.pagePath())
			.append('\n')
			.append(this.urls.absolute("/"))
			.append('\n')
			.append(this.properties.agencyName())
			.append('\n')
			.append(this.properties.agencyUrl())
			.append('\n')
			.append(ids);
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * A feed, sitemap or robots.txt.
	 *
	 * @param path its address
	 * @param body its bytes; null for a feed not rendered, which the selection found
	 * unchanged
	 * @param version a feed's version; null for other files and empty feeds
	 * @param feed whether it is a feed
	 */
	record ChannelFile(String path, byte[] body, String version, boolean feed) {

		ChannelFile(String path, byte[] body) {
			this(path, body, null, false);
		}

	}

}
