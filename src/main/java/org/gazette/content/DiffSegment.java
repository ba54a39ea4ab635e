package org.gazette.content;

/**
 * A run of text in a comparison: in both versions, only in the newer one, or only in the
 * older one. A page renders them as plain text, {@code <ins>} and {@code <del>}.
 *
 * @param kind whether the run was kept, added or removed
 * @param text the run, exactly as in the version it comes from
 */
public record DiffSegment(Kind kind, String text) {

	public enum Kind {

		UNCHANGED, ADDED, REMOVED

	}

}
