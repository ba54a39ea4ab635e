package org.gazette.publishing;

import java.time.Instant;

/**
 * One workflow action taken on a story, as its history shows it.
 *
 * @param action what was done
 * @param from the state before
 * @param to the state after
 * @param revisionNumber the revision it was about, or null
 * @param releaseAt the release instant chosen, when scheduling
 * @param comment why, when given
 * @param actor who did it
 * @param occurredAt when
 */
public record WorkflowEvent(WorkflowAction action, EditorialState from, EditorialState to, Integer revisionNumber,
		Instant releaseAt, String comment, String actor, Instant occurredAt) {

}
