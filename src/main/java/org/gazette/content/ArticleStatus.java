package org.gazette.content;

/**
 * Where a story stands for readers, as the admin list shows and filters it. Computed from
 * the article's pointers and the clock, by the same rule as the public visibility rule.
 */
public enum ArticleStatus {

	/** Never published. */
	DRAFT,
	/** Published with a release instant still in the future: under embargo. */
	SCHEDULED,
	/** Public. */
	PUBLISHED,
	/** Published once, then taken out of public view. */
	UNPUBLISHED

}
