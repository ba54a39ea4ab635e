package org.gazette.publishing;

import java.time.Instant;

/**
 * A major update to a public story, as its change history shows it: "Updated December 2,
 * 2026: corrected the number of attendees". Minor updates are silent and have none.
 *
 * @param at when readers first saw it
 * @param note the public change note, or null when none was given
 */
public record StoryUpdate(Instant at, String note) {
}
