package org.gazette.content;

/**
 * A subject stories are about, such as Trade or Border Security.
 *
 * @param id database id
 * @param slug address of the topic's page
 * @param name name readers see
 * @param description one or two plain sentences
 * @param mergedIntoId the topic this duplicate was merged into, or null for a topic in
 * use
 */
public record Topic(long id, String slug, String name, String description, Long mergedIntoId) implements Profile {
}
