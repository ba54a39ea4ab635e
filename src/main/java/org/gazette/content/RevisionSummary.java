package org.gazette.content;

import java.time.Instant;

/**
 * One line of a story's revision history.
 *
 * @param id the revision's id
 * @param number 1, 2, 3, ... in the order saved
 * @param createdAt when it was saved
 * @param createdBy who saved it
 * @param message why, or null
 * @param working whether it is the latest (the one being edited)
 * @param published whether it is the one readers see
 */
public record RevisionSummary(long id, int number, Instant createdAt, String createdBy, String message, boolean working,
		boolean published) {
}
