package org.gazette.publishing;

import java.time.Instant;

/**
 * Where a story stands: its editorial state and what readers get of it.
 *
 * @param articleId the story
 * @param slug its address
 * @param title the working revision's title
 * @param state the working copy's editorial state
 * @param version the story's optimistic lock; every action checks it
 * @param workingRevisionId the newest revision
 * @param workingRevisionNumber its number
 * @param lastAuthor who saved the newest revision (the two-person rule's "author")
 * @param createdBy who wrote the first revision
 * @param publishedRevisionId the revision readers get (or will at release), or null
 * @param releaseAt when readers get it, or null
 * @param firstPublishedAt the first release instant, or null
 * @param unpublishedAt when it was taken down, or null
 * @param secondApprovalDue whether it went out without a second person's approval
 */
public record ArticleStanding(long articleId, String slug, String title, EditorialState state, int version,
		long workingRevisionId, int workingRevisionNumber, String lastAuthor, String createdBy,
		Long publishedRevisionId, Instant releaseAt, Instant firstPublishedAt, Instant unpublishedAt,
		boolean secondApprovalDue) {

	/** Whether readers can read it now: the visibility rule. */
	public boolean isPublic(Instant now) {
		return Visibility.isPublic(this.publishedRevisionId, this.releaseAt, this.unpublishedAt, now);
	}

	/** Whether it is published with a release instant still to come: under embargo. */
	public boolean isScheduled(Instant now) {
		return this.publishedRevisionId != null && this.unpublishedAt == null && this.releaseAt != null
				&& this.releaseAt.isAfter(now);
	}

	/** Whether readers have ever been able to read it. */
	public boolean everReleased(Instant now) {
		return this.firstPublishedAt != null && !this.firstPublishedAt.isAfter(now);
	}

	/** Whether a newer revision is being worked on over the one readers get. */
	public boolean hasPendingDraft() {
		return this.publishedRevisionId != null && this.publishedRevisionId != this.workingRevisionId;
	}

}
