package org.gazette.content;

import java.time.Instant;

/**
 * A story as the editor opens it: the revision to edit and the version to send back with
 * the next save.
 *
 * @param id the story's id
 * @param slug its address
 * @param state editorial state ({@code draft}, {@code published}; the workflow adds more)
 * @param version optimistic lock: pass it to
 * {@link Content#revise(long, int, RevisionDraft, String)}; any write to the story moves
 * it
 * @param workingRevision the latest saved revision, with who saved it and when
 * @param publishedRevisionId the revision readers see, or null if never published
 * @param releaseAt when it is (or was) released, or null
 * @param createdBy who created the story (contributors edit only their own drafts); null
 * only for stories older than the record of it with no first revision
 */
public record EditableArticle(long id, String slug, String state, int version, Revision workingRevision,
		Long publishedRevisionId, Instant releaseAt, String createdBy) {

	/**
	 * Whether the editor may change the address with a save: only until the story is
	 * first published. After that it changes on its own (see {@link Content#changeSlug}),
	 * leaving a redirect behind.
	 */
	public boolean slugEditable() {
		return this.publishedRevisionId == null;
	}

	/** Whether readers have ever been given a revision of the story. */
	public boolean everPublished() {
		return this.publishedRevisionId != null;
	}

}
