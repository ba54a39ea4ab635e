/**
 * The media library: images and documents uploaded by editors, checked from their
 * content, re-encoded into renditions, stored content-addressed and served with immutable
 * caching.
 */
package org.gazette.media;
