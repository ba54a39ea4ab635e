package org.gazette.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings, from {@code gazette.search.*}.
 *
 * @param indexDirectory where this node keeps its index; it can always be rebuilt from
 * the database
 */
@ConfigurationProperties("gazette.search")
record SearchProperties(@DefaultValue("./data/search-index") Path indexDirectory) {
}
