package org.gazette.syndication;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.publishing.PublicContentGeneration;

import org.springframework.stereotype.Component;

/**
 * This node's cache of rendered feeds, sitemaps and API answers, keyed by normalized
 * request. Like the page cache, each answer is kept with the
 * {@link PublicContentGeneration} it was rendered in and served only while that
 * generation is current, so a scheduled story enters every channel at its release instant
 * and an unpublished one leaves at once.
 */
@Component
class ChannelCache {

	private static final long MAX_BYTES = 32L * 1024 * 1024;

	private final Cache<String, Entry> entries = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((String key, Entry entry) -> entry.rendered().weight())
		.build();

	private final PublicContentGeneration generations;

	/** The generation the cache last saw; older entries are dropped to free memory. */
	private volatile long seen = -1;

	ChannelCache(PublicContentGeneration generations) {
		this.generations = generations;
	}

	Rendered get(String key, Supplier<Rendered> render) {
		long current = this.generations.current();
		if (current != this.seen) {
			this.seen = current;
			this.entries.invalidateAll();
		}
		Entry cached = this.entries.getIfPresent(key);
		if (cached != null && cached.generation() == current) {
			return cached.rendered();
		}
		Rendered rendered = render.get();
		if (current == this.generations.current()) {
			this.entries.put(key, new Entry(rendered, current));
		}
		return rendered;
	}

	private record Entry(Rendered rendered, long generation) {
	}

}
