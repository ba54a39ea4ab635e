package org.gazette.publishing;

import java.time.Instant;

import org.gazette.content.ArticleType;

/**
 * Which public stories a listing shows; every criterion is optional (null).
 *
 * @param type only this kind
 * @param topicId only stories about this topic
 * @param authorId only stories by this author
 * @param releasedFrom only stories released at or after this instant
 * @param releasedBefore only stories released before this instant
 */
public record StoryQuery(ArticleType type, Long topicId, Long authorId, Instant releasedFrom, Instant releasedBefore) {

	public static final StoryQuery ALL = new StoryQuery(null, null, null, null, null);

	public static StoryQuery byAuthor(long authorId) {
		return new StoryQuery(null, null, authorId, null, null);
	}

	public static StoryQuery byTopic(long topicId) {
		return new StoryQuery(null, topicId, null, null, null);
	}

}
