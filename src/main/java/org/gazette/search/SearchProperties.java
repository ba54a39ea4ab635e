package org.gazette.search;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("gazette.search")
record SearchProperties(@DefaultValue("./data/search-index") Path indexDirectory,
		@DefaultValue("" + SearcherCache.DEFAULT_ANSWERS_KEPT) int answersKept) {
}
