package org.gazette.content;

import java.util.List;

/**
 * An unsaved draft as readers would see it.
 *
 * @param draft the draft as typed
 * @param bodyHtml its body rendered and sanitized exactly as a save would
 * @param authors the byline authors that exist, in byline order
 * @param topics the topics that exist
 */
public record DraftPreview(RevisionDraft draft, String bodyHtml, List<Author> authors, List<Topic> topics) {

	public DraftPreview {
		authors = List.copyOf(authors);
		topics = List.copyOf(topics);
	}

}
