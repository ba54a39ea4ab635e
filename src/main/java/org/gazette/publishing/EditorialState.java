package org.gazette.publishing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a story's working copy stands in the editorial workflow. Whether readers see a
 * revision is not a state: the visibility rule decides it from the published revision and
 * the release instant, so a scheduled story goes live with no job flipping a state.
 */
public enum EditorialState {

	/** Being written; an older revision may be public meanwhile. */
	DRAFT("draft"),
	/** Submitted by its writer; waits for an editor. */
	IN_REVIEW("in_review"),
	/** Approved by an editor; waits for a publisher. */
	APPROVED("approved"),
	/** The working revision is the published one: scheduled until its release instant. */
	PUBLISHED("published"),
	/** Taken down by a publisher. */
	UNPUBLISHED("unpublished"),
	/** Kept for the record as it is; no longer edited. */
	ARCHIVED("archived");

	private final String code;

	EditorialState(String code) {
		this.code = code;
	}

	/** The value stored in {@code article.state}. */
	public String code() {
		return this.code;
	}

	public static Optional<EditorialState> fromCode(String code) {
		return Arrays.stream(values()).filter((state) -> state.code.equals(code)).findFirst();
	}

}
