package org.gazette.publishing;

import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;

/**
 * One revision of a story as its public page would show it, for a preview link: bylines
 * and topics are credited as on the public page (merged profiles as their survivors).
 *
 * @param articleId the story
 * @param revisionNumber the revision shown
 * @param savedAt when that revision was saved
 * @param type kind of story
 * @param title headline
 * @param summary teaser
 * @param dateline place line, or null
 * @param bodyHtml sanitized body, as rendered when the revision was saved
 * @param releaseAt the story's release instant, or null when it is not scheduled yet
 * @param bylines authors in order
 * @param topics topics by name
 * @param heroMediaId the media library image shown at the top, or null
 * @param documentIds media library documents listed under the story, in order
 */
public record PreviewedStory(long articleId, int revisionNumber, Instant savedAt, ArticleType type, String title,
		String summary, String dateline, String bodyHtml, Instant releaseAt, List<Byline> bylines,
		List<TopicLink> topics, Long heroMediaId, List<Long> documentIds) {

	public PreviewedStory {
		bylines = List.copyOf(bylines);
		topics = List.copyOf(topics);
		documentIds = List.copyOf(documentIds);
	}

}
