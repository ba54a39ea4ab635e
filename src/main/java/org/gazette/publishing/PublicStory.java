package org.gazette.publishing;

import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;

/**
 * A public story as its page shows it: the published revision, never the working draft.
 *
 * @param id article id
 * @param slug address
 * @param type kind of story
 * @param title headline
 * @param summary teaser, used as the page description
 * @param dateline place line, or null
 * @param bodyHtml sanitized body
 * @param releaseAt release instant
 * @param lastPublicUpdateAt last time what readers see changed
 * @param bylines authors in order
 * @param topics topics by name
 * @param heroMediaId the media library image shown at the top, or null
 */
public record PublicStory(long id, String slug, ArticleType type, String title, String summary, String dateline,
		String bodyHtml, Instant releaseAt, Instant lastPublicUpdateAt, List<Byline> bylines, List<TopicLink> topics,
		Long heroMediaId) {

	/**
	 * Whether readers should see "Last updated": the public text changed after release.
	 */
	public boolean updatedAfterRelease() {
		return this.lastPublicUpdateAt != null && this.lastPublicUpdateAt.isAfter(this.releaseAt);
	}

}
