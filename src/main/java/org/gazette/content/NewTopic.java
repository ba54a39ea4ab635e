package org.gazette.content;

/**
 * What an editor gives to create a topic.
 *
 * @param slug address of the topic page
 * @param name name readers see
 * @param description plain-text description, may be blank
 */
public record NewTopic(String slug, String name, String description) {
}
