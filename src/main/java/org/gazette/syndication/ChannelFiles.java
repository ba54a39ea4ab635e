package org.gazette.syndication;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.SiteUrls;

import org.springframework.stereotype.Component;

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

	ChannelFiles(Feeds feeds, Sitemaps sitemaps, Content content, SiteUrls urls) {
		this.feeds = feeds;
		this.sitemaps = sitemaps;
		this.content = content;
		this.urls = urls;
	}

	/**
	 * Units of work, each handing its files to the consumer it is given.
	 */
	List<Consumer<Consumer<ChannelFile>>> groups() {
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
		List<Consumer<Consumer<ChannelFile>>> groups = new ArrayList<>();
		for (int from = 0; from < scopes.size(); from += FEEDS_PER_GROUP) {
			List<FeedScope> batch = scopes.subList(from, Math.min(scopes.size(), from + FEEDS_PER_GROUP));
			groups.add((out) -> {
				for (FeedScope scope : batch) {
					for (String format : new String[] { "rss", "atom" }) {
						out.accept(new ChannelFile(this.feeds.feedPath(scope, format),
								this.feeds.render(scope, format).body()));
					}
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

	/**
	 * A feed, sitemap or robots.txt.
	 *
	 * @param path its address
	 * @param body its bytes
	 */
	record ChannelFile(String path, byte[] body) {
	}

}
