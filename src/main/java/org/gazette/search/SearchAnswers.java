package org.gazette.search;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This node's answers to repeated searches. Answers are kept per view of the index and
 * per stretch of time in which no story is released: a new view (the index has applied a
 * change event, so a story was published, updated or withdrawn) or the clock reaching the
 * next release instant in the index starts an empty set, so a cached answer never hides a
 * story at its release instant nor shows one after it is withdrawn. The stretch is also
 * cut short after a time to live, as the freshness boost moves with the clock.
 */
final class SearchAnswers {

	private final int entries;

	private final Duration timeToLive;

	private volatile Window window;

	/**
	 * Answers valid on one view of the index from {@code from} (inclusive) until
	 * {@code until} (exclusive).
	 */
	private record Window(Object view, Instant from, Instant until, Cache<SearchKey, SearchResults> answers) {

		boolean covers(Object view, Instant now) {
			return this.view == view && !now.isBefore(this.from) && now.isBefore(this.until);
		}

	}

	SearchAnswers(int entries, Duration timeToLive) {
		this.entries = entries;
		this.timeToLive = timeToLive;
	}

	/**
	 * The answer computed earlier for the same search on the same view at a moment with
	 * the same stories public, else the one {@code compute} makes now (once, however many
	 * readers ask for it at the same time).
	 * @param nextRelease the first release instant after now in this view, if any
	 */
	SearchResults answer(StorySearcher searcher, Instant now, SearchKey key, Supplier<Instant> nextRelease,
			Supplier<SearchResults> compute) {
		if (this.entries <= 0) {
			return compute.get();
		}
		return window(searcher.view(), now, nextRelease).answers().get(key, (k) -> compute.get());
	}

	private Window window(Object view, Instant now, Supplier<Instant> nextRelease) {
		Window current = this.window;
		if (current != null && current.covers(view, now)) {
			return current;
		}
		synchronized (this) {
			current = this.window;
			if (current != null && current.covers(view, now)) {
				return current;
			}
			Instant until = now.plus(this.timeToLive);
			Instant release = nextRelease.get();
			if (release != null && release.isBefore(until)) {
				until = release;
			}
			current = new Window(view, now, until,
					Caffeine.newBuilder().maximumSize(this.entries).<SearchKey, SearchResults>build());
			this.window = current;
			return current;
		}
	}

}
