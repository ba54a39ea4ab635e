package org.gazette.publishing;

/**
 * Published on each node when it sees new change events: what the public can see may have
 * changed, so caches built from public content must be dropped.
 *
 * @param lastEventId the newest change event seen
 */
public record PublicContentChanged(long lastEventId) {
}
