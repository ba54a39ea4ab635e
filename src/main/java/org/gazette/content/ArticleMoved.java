package org.gazette.content;

/**
 * A published story's address changed: its pages, feeds and sitemaps now name another
 * URL. Published inside the transaction of the change, so a listener can append its
 * change event to the same commit.
 *
 * @param articleId the story
 * @param fromSlug the address it had, which now redirects
 * @param toSlug its new address
 */
public record ArticleMoved(long articleId, String fromSlug, String toSlug) {
}
