package org.gazette.syndication;

import java.net.URI;
import java.util.Optional;

import org.gazette.content.Resolved;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feeds: every story, and per kind, topic and author, each as RSS and Atom. The
 * format is the file extension, so a static export serves them with the same names.
 */
@RestController
@CrossOrigin(origins = "*", methods = { RequestMethod.GET, RequestMethod.HEAD },
		exposedHeaders = { "ETag", "Last-Modified" })
class FeedController {

	private final Feeds feeds;

	private final ChannelCache cache;

	FeedController(Feeds feeds, ChannelCache cache) {
		this.feeds = feeds;
		this.cache = cache;
	}

	@GetMapping("/feeds/all.{format:rss|atom}")
	ResponseEntity<byte[]> all(@PathVariable String format) {
		return feed(Optional.of(this.feeds.all()), format);
	}

	@GetMapping("/feeds/types/{code:[a-z0-9-]+}.{format:rss|atom}")
	ResponseEntity<byte[]> type(@PathVariable String code, @PathVariable String format) {
		return feed(this.feeds.type(code), format);
	}

	@GetMapping("/feeds/topics/{slug:[a-z0-9-]+}.{format:rss|atom}")
	ResponseEntity<byte[]> topic(@PathVariable String slug, @PathVariable String format) {
		return profileFeed(this.feeds.resolveTopic(slug), format);
	}

	@GetMapping("/feeds/authors/{slug:[a-z0-9-]+}.{format:rss|atom}")
	ResponseEntity<byte[]> author(@PathVariable String slug, @PathVariable String format) {
		return profileFeed(this.feeds.resolveAuthor(slug), format);
	}

	/**
	 * A merged or renamed topic's or author's feed answers with a permanent redirect to
	 * the feed of the profile in use, which feed readers follow and remember.
	 */
	private ResponseEntity<byte[]> profileFeed(Optional<Resolved<FeedScope>> resolved, String format) {
		Resolved<FeedScope> found = resolved.orElseThrow(ChannelNotFoundException::new);
		if (found.moved()) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(this.feeds.feedPath(found.value(), format)))
				.cacheControl(CacheControl.noCache())
				.build();
		}
		return feed(Optional.of(found.value()), format);
	}

	private ResponseEntity<byte[]> feed(Optional<FeedScope> scope, String format) {
		FeedScope found = scope.orElseThrow(ChannelNotFoundException::new);
		return ChannelResponses
			.ok(this.cache.get(this.feeds.feedPath(found, format), () -> this.feeds.render(found, format)));
	}

	@ExceptionHandler(ChannelNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "Feed not found",
				"There is no feed at this address: check the kind, topic or author in it.");
	}

}
