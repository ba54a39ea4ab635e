package org.gazette.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicContentChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's cache of rendered public pages, keyed by normalized URL. It is emptied when
 * a change event arrives and when the clock passes the next scheduled release, so no page
 * outlives the content it shows and an embargoed story appears at its release instant.
 */
@Component
class PageCache {

	private final Cache<String, RenderedPage> pages;

	private final Newsroom newsroom;

	private final Clock clock;

	/**
	 * Bumped on every invalidation; a page rendered under an older generation is not
	 * stored.
	 */
	private volatile long generation;

	/** The next release instant; null when it must be read again. */
	private volatile Instant horizon;

	PageCache(GazetteProperties properties, Newsroom newsroom, Clock clock) {
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.pageCacheMegabytes() * 1024L * 1024L)
			.weigher((String key, RenderedPage page) -> page.weight())
			.build();
		this.newsroom = newsroom;
		this.clock = clock;
	}

	Optional<RenderedPage> get(String key) {
		checkHorizon();
		return Optional.ofNullable(this.pages.getIfPresent(key));
	}

	/** The generation to hand back to {@link #put} after rendering. */
	long generation() {
		checkHorizon();
		return this.generation;
	}

	synchronized void put(String key, RenderedPage page, long renderedInGeneration) {
		if (renderedInGeneration == this.generation) {
			this.pages.put(key, page);
		}
	}

	@EventListener
	void on(PublicContentChanged changed) {
		invalidate();
	}

	synchronized void invalidate() {
		this.generation++;
		this.pages.invalidateAll();
		this.horizon = null;
	}

	private void checkHorizon() {
		Instant next = this.horizon;
		if (next != null && this.clock.instant().isBefore(next)) {
			return;
		}
		synchronized (this) {
			next = this.horizon;
			if (next != null && this.clock.instant().isBefore(next)) {
				return;
			}
			if (next != null) {
				// A scheduled story has just been released: everything may show it now.
				this.generation++;
				this.pages.invalidateAll();
			}
			this.horizon = this.newsroom.nextRelease().orElse(Instant.MAX);
		}
	}

}
