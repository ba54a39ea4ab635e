package org.gazette.content;

/**
 * A topic changed, or a duplicate was merged into it: topic links on public pages may
 * read differently. Published inside the transaction of the change.
 *
 * @param topicId the topic changed, or the survivor of a merge
 * @param mergedId the duplicate merged into it, or null
 */
public record TopicChanged(long topicId, Long mergedId) {
}
