package org.gazette.publishing;

import java.time.Instant;

/**
 * When the oldest and the newest public stories were released.
 *
 * @param first oldest release instant
 * @param last newest release instant
 */
public record ReleaseSpan(Instant first, Instant last) {
}
