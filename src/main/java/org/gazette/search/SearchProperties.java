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
 * @param exactCountLimit up to how many matching stories the total and the facet counts
 * are exact; above it Lucene may skip stories that cannot make the page, the total is
 * estimated and the facets are counted over a sample, both shown as "about"
 * @param sampleSize about how many matching stories the facet sample holds when the
 * counts are estimated
 * @param rescoreWindow how many of the best matches by words alone the freshness boost
 * reorders
 * @param cacheEntries how many answers this node keeps for repeated searches; 0 turns the
 * cache off
 * @param cacheTimeToLive longest an answer is reused, since the freshness boost changes
 * with time (changes to content and releases drop answers at once)
 */
@ConfigurationProperties("gazette.search")
record SearchProperties(@DefaultValue("./data/search-index") Path indexDirectory,
		@DefaultValue("1000") int exactCountLimit, @DefaultValue("2000") int sampleSize,
		@DefaultValue("200") int rescoreWindow, @DefaultValue("5000") int cacheEntries,
		@DefaultValue("10m") Duration cacheTimeToLive) {

	/** The defaults, with the index in the given folder. */
	static SearchProperties in(Path indexDirectory) {
		return new SearchProperties(indexDirectory, 1000, 2000, 200, 5000, Duration.ofMinutes(10));
	}

	SearchProperties withCounting(int limit, int sample) {
		return new SearchProperties(this.indexDirectory, limit, sample, this.rescoreWindow, this.cacheEntries,
				this.cacheTimeToLive);
	}

	SearchProperties withCacheEntries(int entries) {
		return new SearchProperties(this.indexDirectory, this.exactCountLimit, this.sampleSize, this.rescoreWindow,
				entries, this.cacheTimeToLive);
	}

}
