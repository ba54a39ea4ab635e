package org.gazette.publishing;

import java.time.Instant;

/**
 * One piece of release work as its handler receives it.
 *
 * @param id the task
 * @param articleId the story released
 * @param publicationId the publication that caused the work
 * @param publicationKind a first release, or a major or minor update
 * @param kind the handler's kind
 * @param dueAt when the publication took effect (or, for a backdated one, when it was
 * made)
 * @param attempt 1 for the first run, 2 for the first retry, and so on
 */
public record ReleaseTask(long id, long articleId, long publicationId, PublicationKind publicationKind, String kind,
		Instant dueAt, int attempt) {
}
