package org.gazette.publishing;

import java.time.Instant;

import org.gazette.content.ChangeKind;

/**
 * A story an import has just created, to bring to its source's state with
 * {@link Workflow#importedAll}.
 *
 * @param articleId the story
 * @param revisionId its first revision, the working one
 * @param target {@code DRAFT}, {@code IN_REVIEW} or {@code PUBLISHED}
 * @param releaseAt for {@code PUBLISHED}: the source's release instant, or null for now
 * @param note why, for the history and the audit log (the source and its item)
 * @param changeKind the revision's kind of change, for its publication
 * @param changeNote the revision's public change note, or null
 */
public record ImportedStory(long articleId, long revisionId, EditorialState target, Instant releaseAt, String note,
		ChangeKind changeKind, String changeNote) {
}
