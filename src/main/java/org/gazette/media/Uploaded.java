package org.gazette.media;

/**
 * The library item an upload made or found.
 *
 * @param asset the item
 * @param reused whether the same file was already in the library (nothing new was stored;
 * the details sent with it were not applied)
 */
public record Uploaded(MediaAsset asset, boolean reused) {
}
