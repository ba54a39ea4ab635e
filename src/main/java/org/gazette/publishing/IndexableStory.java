package org.gazette.publishing;

import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;

/**
 * A published story as a search index takes it, including one still under embargo: the
 * index keeps its release instant and applies the visibility rule when it answers, so the
 * story is found from its release instant on without the index having to change at that
 * moment.
 *
 * @param id article id
 * @param slug address
 * @param type kind of story
 * @param title headline
 * @param summary teaser
 * @param bodyHtml sanitized body
 * @param releaseAt release instant
 * @param lastPublicUpdateAt last public change
 * @param bylines authors in order
 * @param topics topics
 */
public record IndexableStory(long id, String slug, ArticleType type, String title, String summary, String bodyHtml,
		Instant releaseAt, Instant lastPublicUpdateAt, List<Byline> bylines, List<TopicLink> topics) {
}
