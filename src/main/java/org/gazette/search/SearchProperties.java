package org.gazette.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings, from {@code gazette.search.*}.
 *
 * @param indexDirectory where this node keeps its index; it can always be rebuilt from
 * the database
 * @param answersKept how many answers to recent searches are kept for reuse while the
 * index and the set of public stories stay the same (see {@code SearcherCache}); 0 turns
 * the reuse off, to measure what a search costs
 * @param searchesAtOnce how many searches this node computes at the same time, the others
 * waiting their turn (see {@code SearchTurns}); 0 for one per processor
 * @param longestWait how long a search may wait for its turn before the reader is asked
 * to try again later (503)
 */
@ConfigurationProperties("gazette.search")
record SearchProperties(@DefaultValue("./data/search-index") Path indexDirectory,
		@DefaultValue("" + SearcherCache.DEFAULT_ANSWERS_KEPT) int answersKept, @DefaultValue("0") int searchesAtOnce,
		@DefaultValue("5s") Duration longestWait) {

	SearchProperties {
		if (searchesAtOnce < 0) {
			throw new IllegalArgumentException("gazette.search.searches-at-once must be 0 (one per processor) or more");
		}
		if (longestWait.isNegative()) {
			throw new IllegalArgumentException("gazette.search.longest-wait must not be negative");
		}
	}

	/** The settings when none are given. */
	static SearchProperties defaults() {
		return new SearchProperties(Path.of("./data/search-index"), SearcherCache.DEFAULT_ANSWERS_KEPT, 0,
				Duration.ofSeconds(5));
	}

}
