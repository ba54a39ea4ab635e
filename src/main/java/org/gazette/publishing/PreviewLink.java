package org.gazette.publishing;

import java.time.Instant;

/**
 * An address that lets someone outside the back office read one revision of a story that
 * readers cannot see yet. The address itself (its token) is shown once, when the link is
 * made, and never stored.
 *
 * @param id database id
 * @param articleId the story
 * @param revisionId the revision it shows: the story's working revision when the link was
 * made, whatever is saved after
 * @param revisionNumber that revision's number
 * @param createdBy who made it
 * @param createdAt when
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or null
 * @param revokedBy who revoked it, or null
 */
public record PreviewLink(long id, long articleId, long revisionId, int revisionNumber, String createdBy,
		Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy) {

	/** Whether the link works, and if not, why. */
	public enum State {

		/** It opens the preview. */
		ACTIVE,
		/** Its time is up. */
		EXPIRED,
		/** Someone turned it off before its time was up. */
		REVOKED

	}

	/** The link's state at the given instant; a revocation outranks an expiry. */
	public State state(Instant now) {
		if (this.revokedAt != null) {
			return State.REVOKED;
		}
		return now.isBefore(this.expiresAt) ? State.ACTIVE : State.EXPIRED;
	}

}
