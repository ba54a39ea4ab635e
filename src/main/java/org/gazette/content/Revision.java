package org.gazette.content;

import java.time.Instant;
import java.util.List;

/**
 * One immutable snapshot of a story as an editor saved it.
 *
 * @param id database id
 * @param articleId the story it belongs to
 * @param number 1 for the first revision of a story, then 2, 3, ...
 * @param type the kind of story
 * @param title headline
 * @param summary teaser
 * @param dateline place line for news releases, or null
 * @param bodyMarkdown body as written
 * @param bodyHtml body as readers get it, sanitized
 * @param authorIds byline authors in order, as saved (an author merged since is still
 * named by its own id here)
 * @param topicIds topics, as saved
 * @param changeKind major or minor
 * @param changeNote public note for a major change, or null
 * @param createdAt when it was saved
 * @param createdBy who saved it
 * @param message why it was saved, or null
 * @param heroMediaId the media library image shown at the top, or null
 * @param documentIds media library documents listed under it, in order
 */
public record Revision(long id, long articleId, int number, ArticleType type, String title, String summary,
		String dateline, String bodyMarkdown, String bodyHtml, List<Long> authorIds, List<Long> topicIds,
		ChangeKind changeKind, String changeNote, Instant createdAt, String createdBy, String message, Long heroMediaId,
		List<Long> documentIds) {

	public Revision {
		documentIds = List.copyOf(documentIds);
	}

	/**
	 * What an editor would save to get this revision again; the start of an edit form,
	 * and one side of a comparison with an unsaved draft.
	 */
	public RevisionDraft toDraft() {
		return new RevisionDraft(this.type, this.title, this.summary, this.dateline, this.bodyMarkdown, this.authorIds,
				this.topicIds, this.changeKind, this.changeNote, this.message, this.heroMediaId, this.documentIds);
	}

}
