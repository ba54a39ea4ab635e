package org.gazette.syndication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Syndication settings, bound from {@code gazette.syndication.*}.
 *
 * @param sitemapSize stories per child sitemap; the sitemap protocol allows at most
 * 50,000
 * @param feedEntries stories in each feed, newest first
 */
@Validated
@ConfigurationProperties("gazette.syndication")
record SyndicationProperties(@DefaultValue("50000") @Min(1) @Max(50000) int sitemapSize,
		@DefaultValue("50") @Min(1) @Max(500) int feedEntries) {
}
