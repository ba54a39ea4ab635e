package org.gazette.site;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.PublicContentGeneration;

import org.springframework.stereotype.Component;

/**
 * This node's cache of rendered public pages, keyed by normalized URL. Each page is kept
 * with the {@link PublicContentGeneration} it was rendered in and served only while that
 * generation is current, so no page outlives a change event or the next scheduled
 * release, and an embargoed story appears at its release instant.
 */
@Component
class PageCache {

	private final Cache<String, Entry> pages;

	private final PublicContentGeneration generations;

	/** The generation the cache last saw; older entries are dropped to free memory. */
	private volatile long seen = -1;

	PageCache(GazetteProperties properties, PublicContentGeneration generations) {
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.pageCacheMegabytes() * 1024L * 1024L)
			.weigher((String key, Entry entry) -> entry.page().weight())
			.build();
		this.generations = generations;
	}

	Optional<RenderedPage> get(String key) {
		long current = generation();
		Entry entry = this.pages.getIfPresent(key);
		return (entry != null && entry.generation() == current) ? Optional.of(entry.page()) : Optional.empty();
	}

	/** The generation to hand back to {@link #put} after rendering. */
	long generation() {
		long current = this.generations.current();
		if (current != this.seen) {
			this.seen = current;
			this.pages.invalidateAll();
		}
		return current;
	}

	void put(String key, RenderedPage page, long renderedInGeneration) {
		if (renderedInGeneration == generation()) {
			this.pages.put(key, new Entry(page, renderedInGeneration));
		}
	}

	private record Entry(RenderedPage page, long generation) {
	}

}
