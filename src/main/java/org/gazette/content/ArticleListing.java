package org.gazette.content;

import java.time.Instant;
import java.util.List;

/**
 * One row of the admin article list.
 *
 * @param id the story's id
 * @param slug its address
 * @param title the working revision's title
 * @param type the working revision's kind
 * @param status where it stands for readers now
 * @param authors byline names of the working revision, in order (merged authors shown as
 * their survivor)
 * @param updatedAt when the working revision was saved
 * @param updatedBy who saved it
 * @param releaseAt release instant, or null if never published
 */
public record ArticleListing(long id, String slug, String title, ArticleType type, ArticleStatus status,
		List<String> authors, Instant updatedAt, String updatedBy, Instant releaseAt) {
}
