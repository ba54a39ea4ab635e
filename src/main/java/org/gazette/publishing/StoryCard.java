package org.gazette.publishing;

import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;

/**
 * A public story as listings show it.
 *
 * @param id article id
 * @param slug address of the story
 * @param type kind of story
 * @param title headline
 * @param summary teaser
 * @param releaseAt release instant
 * @param lastPublicUpdateAt last time what readers see changed
 * @param bylines authors in order
 */
public record StoryCard(long id, String slug, ArticleType type, String title, String summary, Instant releaseAt,
		Instant lastPublicUpdateAt, List<Byline> bylines) {
}
