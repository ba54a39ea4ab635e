package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The generation of what the public can see, on this node: a number that moves when a
 * change event arrives and when the clock passes the next scheduled release. A cache of
 * anything built from public content (pages, feeds, sitemaps, API answers) tags each
 * entry with the generation it was built in and serves it only while that generation is
 * current. So no cached answer outlives a change, and a scheduled story appears at its
 * release instant with no job running: the first read at or after that instant moves the
 * generation.
 */
@Component
public class PublicContentGeneration {

	private final Newsroom newsroom;

	private final Clock clock;

	private volatile long generation;

	/** The next release instant; null when it must be read again. */
	private volatile Instant horizon;

	PublicContentGeneration(Newsroom newsroom, Clock clock) {
		this.newsroom = newsroom;
		this.clock = clock;
	}

	/**
	 * The current generation. Read it before building something to cache, tag the result
	 * with it, and serve that result only while this still answers the same number.
	 */
	public long current() {
		Instant next = this.horizon;
		if (next != null && this.clock.instant().isBefore(next)) {
			return this.generation;
		}
		synchronized (this) {
			next = this.horizon;
			if (next == null || !this.clock.instant().isBefore(next)) {
				if (next != null) {
					// A scheduled story has just been released: everything may show it
					// now.
					this.generation++;
				}
				this.horizon = this.newsroom.nextRelease().orElse(Instant.MAX);
			}
			return this.generation;
		}
	}

	/**
	 * First among the listeners, so that caches stop serving before slower followers
	 * (such as the search index) have caught up.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(PublicContentChanged changed) {
		advance();
	}

	/** Makes everything built so far stale, and the next release be read again. */
	synchronized void advance() {
		this.generation++;
		this.horizon = null;
	}

}
