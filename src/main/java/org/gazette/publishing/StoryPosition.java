package org.gazette.publishing;

import java.time.Instant;

/**
 * A story's place in release order (newest first, ties broken by id), for keyset
 * pagination.
 *
 * @param releaseAt the story's release instant
 * @param id the story's id
 */
public record StoryPosition(Instant releaseAt, long id) {
}
