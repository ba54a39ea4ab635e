package org.gazette.media;

/**
 * A place a library item is used.
 *
 * @param description what uses it, such as "Lanes open at Laredo (hero image)"
 * @param href where an editor sees it, in the back office
 */
public record MediaUse(String description, String href) {
}
