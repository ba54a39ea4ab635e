package org.gazette.publishing;

/**
 * An author as credited on a public story.
 *
 * @param name name as printed
 * @param slug address of the author's page
 */
public record Byline(String name, String slug) {
}
