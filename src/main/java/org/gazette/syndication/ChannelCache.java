package org.gazette.syndication;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicContentChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's cache of rendered feeds, sitemaps and API answers, keyed by normalized
 * request. Like the page cache it is emptied on every change event and when the clock
 * passes the next scheduled release, so a scheduled story enters every channel at its
 * release instant and an unpublished one leaves at once.
 */
@Component
class ChannelCache {

	private static final long MAX_BYTES = 32L * 1024 * 1024;

	private final Cache<String, Rendered> entries = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((String key, Rendered value) -> value.weight())
		.build();

	private final Newsroom newsroom;

	private final Clock clock;

	/** Bumped on every invalidation; what was rendered under an older one is not kept. */
	private volatile long generation;

	/** The next release instant; null when it must be read again. */
	private volatile Instant horizon;

	ChannelCache(Newsroom newsroom, Clock clock) {
		this.newsroom = newsroom;
		this.clock = clock;
	}

	Rendered get(String key, Supplier<Rendered> render) {
		checkHorizon();
		Rendered cached = this.entries.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long before = this.generation;
		Rendered rendered = render.get();
		synchronized (this) {
			if (before == this.generation) {
				this.entries.put(key, rendered);
			}
		}
		return rendered;
	}

	@EventListener
	void on(PublicContentChanged changed) {
		invalidate();
	}

	synchronized void invalidate() {
		this.generation++;
		this.entries.invalidateAll();
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
				this.generation++;
				this.entries.invalidateAll();
			}
			this.horizon = this.newsroom.nextRelease().orElse(Instant.MAX);
		}
	}

}
