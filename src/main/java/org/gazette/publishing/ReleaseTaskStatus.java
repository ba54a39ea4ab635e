package org.gazette.publishing;

import java.time.Instant;

/**
 * Where one piece of a story's release work stands, for the back office.
 *
 * @param id the task
 * @param publicationId the publication that caused it
 * @param publicationKind a first release, or a major or minor update
 * @param kind the handler's kind
 * @param description what the work is, in plain words
 * @param dueAt when it was due
 * @param state pending, running, done, skipped or failed
 * @param attempts how many times a node started it
 * @param finishedAt when it was done, skipped or given up, or null
 * @param lastError why it last failed or was skipped, in a few words, or null
 */
public record ReleaseTaskStatus(long id, long publicationId, PublicationKind publicationKind, String kind,
		String description, Instant dueAt, ReleaseTaskState state, int attempts, Instant finishedAt, String lastError) {
}
