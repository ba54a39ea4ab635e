package org.gazette.publishing;

/**
 * A topic as listed on a public story.
 *
 * @param name name readers see
 * @param slug address of the topic's page
 */
public record TopicLink(String name, String slug) {
}
