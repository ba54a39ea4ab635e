package org.gazette.publishing;

import java.time.Instant;

/**
 * A story's takedown as recorded; rows are never changed, and publishing the story again
 * ends it.
 *
 * @param id the record
 * @param articleId the story taken down
 * @param kind why
 * @param explanation the public explanation (gone, may be null) or reason (withdrawn)
 * @param redirectUrl where a redirect goes, or null
 * @param targetArticleId the story it was consolidated into, or null
 * @param takenDownAt when
 * @param takenDownBy who
 */
public record TakedownRecord(long id, long articleId, TakedownKind kind, String explanation, String redirectUrl,
		Long targetArticleId, Instant takenDownAt, String takenDownBy) {
}
