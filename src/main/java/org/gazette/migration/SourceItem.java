package org.gazette.migration;

import java.time.Instant;
import java.util.List;

/**
 * One item read from an import file (a WordPress post or attachment, a feed entry), as
 * the source says it, before it is mapped to a story.
 *
 * @param itemId the item's id in its source (a post id, a guid), or null when it has none
 * @param postType {@code post}, {@code attachment}, {@code page}, ...; feed entries are
 * posts
 * @param status what the source says of it
 * @param title the headline, or null
 * @param slug the source's address name ({@code wp:post_name}), or null
 * @param link the item's public address in its source, or null
 * @param guid the source's permanent id address ({@code ?p=123} in WordPress), or null
 * @param releasedAt when it was (or is to be) published, in UTC, or null
 * @param authors who wrote it, in order
 * @param categories its categories (a type may be chosen from them)
 * @param tags its tags
 * @param html its body as the source stores it (WordPress HTML with autop paragraphs and
 * shortcodes, or feed HTML)
 * @param excerpt a short summary, or null
 * @param parentId an attachment's post, by id in the source, or null
 * @param attachmentUrl an attachment's file address, or null
 * @param mediaType an attachment's content type, or null
 * @param comments comments the item carries (not imported, only counted)
 * @param line the line the item starts on, for messages
 * @param wordPressId the post's number in WordPress ({@code wp:post_id}), which its short
 * links ({@code /?p=123}) name, or null when it has none (feed entries)
 */
record SourceItem(String itemId, String postType, SourceStatus status, String title, String slug, String link,
		String guid, Instant releasedAt, List<Person> authors, List<Term> categories, List<Term> tags, String html,
		String excerpt, String parentId, String attachmentUrl, String mediaType, int comments, int line,
		Long wordPressId) {

	/**
	 * Someone named in the source.
	 *
	 * @param key how the source refers to them (a login), or their name
	 * @param name their display name
	 */
	record Person(String key, String name) {
	}

	/**
	 * A category or tag.
	 *
	 * @param name as readers see it
	 * @param slug the source's address name, or null
	 */
	record Term(String name, String slug) {
	}

}
