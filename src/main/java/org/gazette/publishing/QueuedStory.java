package org.gazette.publishing;

import java.time.Instant;

/**
 * A story waiting for someone, as the dashboard lists it.
 *
 * @param articleId the story
 * @param title its working title
 * @param updatedAt when its working revision was saved
 * @param updatedBy who saved it
 * @param releaseAt its release instant, for scheduled stories; otherwise null
 */
public record QueuedStory(long articleId, String title, Instant updatedAt, String updatedBy, Instant releaseAt) {

}
