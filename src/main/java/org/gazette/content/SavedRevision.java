package org.gazette.content;

/**
 * What a save created.
 *
 * @param articleId the story
 * @param revisionId the new revision
 * @param number its number in the story's history
 * @param version the story's version now; the next save sends it back
 */
public record SavedRevision(long articleId, long revisionId, int number, int version) {
}
