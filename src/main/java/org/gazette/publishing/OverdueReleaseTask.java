package org.gazette.publishing;

import java.time.Instant;

/**
 * Release work that should have finished by now and has not, for the dashboard's alert.
 *
 * @param id the task
 * @param articleId the story
 * @param title the story's working title
 * @param kind the handler's kind
 * @param description what the work is, in plain words
 * @param dueAt when it was due
 * @param state pending (waiting for a retry or for a node), running or failed
 * @param attempts how many times a node started it
 * @param lastError why it last failed, in a few words, or null
 */
public record OverdueReleaseTask(long id, long articleId, String title, String kind, String description, Instant dueAt,
		ReleaseTaskState state, int attempts, String lastError) {
}
