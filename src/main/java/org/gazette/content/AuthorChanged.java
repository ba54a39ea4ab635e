package org.gazette.content;

/**
 * An author's profile changed, or a duplicate was merged into it: bylines on public pages
 * may read differently. Published inside the transaction of the change, so a listener can
 * append its change event to the same commit.
 *
 * @param authorId the author changed, or the survivor of a merge
 * @param mergedId the duplicate merged into it, or null
 */
public record AuthorChanged(long authorId, Long mergedId) {
}
