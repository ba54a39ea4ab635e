package org.gazette.content;

import java.util.List;

/**
 * Everything an editor can change in a story; saving it creates a new immutable revision.
 *
 * @param type the kind of story
 * @param title headline
 * @param summary one-sentence teaser shown in listings and as the page description
 * @param dateline place the news is from, such as "LAREDO, Texas"; news releases show it
 * before their first sentence; may be null
 * @param bodyMarkdown body in Markdown (CommonMark with tables and autolinks)
 * @param authorIds byline authors, in the order printed
 * @param topicIds topics the story is about
 * @param changeKind whether the change is major or minor once the story is public
 * @param changeNote public note for a major change, may be null
 * @param message why the editor saved, for the revision history (never public), may be
 * null
 * @param heroMediaId the media library image shown at the top of the story, or null
 * @param documentIds media library documents listed under the story, in order
 */
public record RevisionDraft(ArticleType type, String title, String summary, String dateline, String bodyMarkdown,
		List<Long> authorIds, List<Long> topicIds, ChangeKind changeKind, String changeNote, String message,
		Long heroMediaId, List<Long> documentIds) {

	public RevisionDraft {
		authorIds = (authorIds != null) ? List.copyOf(authorIds) : List.of();
		topicIds = (topicIds != null) ? List.copyOf(topicIds) : List.of();
		changeKind = (changeKind != null) ? changeKind : ChangeKind.MINOR;
		documentIds = (documentIds != null) ? List.copyOf(documentIds) : List.of();
	}

	/** A draft without documents. */
	public RevisionDraft(ArticleType type, String title, String summary, String dateline, String bodyMarkdown,
			List<Long> authorIds, List<Long> topicIds, ChangeKind changeKind, String changeNote, String message,
			Long heroMediaId) {
		this(type, title, summary, dateline, bodyMarkdown, authorIds, topicIds, changeKind, changeNote, message,
				heroMediaId, List.of());
	}

	/** A draft without a hero image. */
	public RevisionDraft(ArticleType type, String title, String summary, String dateline, String bodyMarkdown,
			List<Long> authorIds, List<Long> topicIds, ChangeKind changeKind, String changeNote, String message) {
		this(type, title, summary, dateline, bodyMarkdown, authorIds, topicIds, changeKind, changeNote, message, null);
	}

	/** A draft saved without a message. */
	public RevisionDraft(ArticleType type, String title, String summary, String dateline, String bodyMarkdown,
			List<Long> authorIds, List<Long> topicIds, ChangeKind changeKind, String changeNote) {
		this(type, title, summary, dateline, bodyMarkdown, authorIds, topicIds, changeKind, changeNote, null, null);
	}

	/** The same draft with another message. */
	public RevisionDraft withMessage(String message) {
		return new RevisionDraft(this.type, this.title, this.summary, this.dateline, this.bodyMarkdown, this.authorIds,
				this.topicIds, this.changeKind, this.changeNote, message, this.heroMediaId, this.documentIds);
	}

	/** The same draft with another hero image (null for none). */
	public RevisionDraft withHeroMediaId(Long mediaId) {
		return new RevisionDraft(this.type, this.title, this.summary, this.dateline, this.bodyMarkdown, this.authorIds,
				this.topicIds, this.changeKind, this.changeNote, this.message, mediaId, this.documentIds);
	}

	/** The same draft listing these documents (media library ids, in order). */
	public RevisionDraft withDocumentIds(List<Long> ids) {
		return new RevisionDraft(this.type, this.title, this.summary, this.dateline, this.bodyMarkdown, this.authorIds,
				this.topicIds, this.changeKind, this.changeNote, this.message, this.heroMediaId, ids);
	}

}
