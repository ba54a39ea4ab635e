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
 * @param updates its major updates since release, newest first: its public change history
 * @param heroMediaId the media library image shown at the top, or null
 * @param documentIds media library documents listed under it, in order
 */
public record PublicStory(long id, String slug, ArticleType type, String title, String summary, String dateline,
		String bodyHtml, Instant releaseAt, Instant lastPublicUpdateAt, List<Byline> bylines, List<TopicLink> topics,
		List<StoryUpdate> updates, Long heroMediaId, List<Long> documentIds) {

	public PublicStory {
		updates = List.copyOf(updates);
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
	}

	/**
	 * Whether the public text changed after release (a minor update counts, for caches
	 * and feeds); readers see "Last updated" only for {@link #lastMajorUpdate() major}
	 * ones.
	 */
	public boolean updatedAfterRelease() {
		return this.lastPublicUpdateAt != null && this.lastPublicUpdateAt.isAfter(this.releaseAt);
	}

	/**
	 * When readers were last told of an update ("Last updated"), or null when the story
	 * had no major update since release.
	 */
	public Instant lastMajorUpdate() {
		return this.updates.isEmpty() ? null : this.updates.get(0).at();
	}

}
