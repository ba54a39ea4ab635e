package org.gazette.media;

/**
 * An item's details (alt text, caption, credit) changed; pages showing it are stale.
 * Published inside the transaction of the change.
 *
 * @param mediaId the item
 */
public record MediaChanged(long mediaId) {
}
