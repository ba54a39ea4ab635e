package org.gazette.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gazette.content.ArticleType;

/**
 * Every public story as listings select them, read at one instant in three queries: the
 * stories newest first with their kind, and the topics and authors each one is filed
 * under. Any {@link StoryQuery}'s ids are then picked from memory, in the order a listing
 * shows them, rather than by one filtered scan of the article table per listing. For
 * building many listings and feeds at once (the static export); a single request reads
 * its one page through {@link Newsroom#list} instead.
 */
public final class Listings {

	private final List<Row> rows;

	Listings(List<Row> rows) {
		this.rows = rows;
	}

	/**
	 * The ids of the public stories the query selects, newest first: what
	 * {@link Newsroom#ids(StoryQuery)} answers at the instant these were read.
	 */
	public List<Long> ids(StoryQuery query) {
		return latest(query, Integer.MAX_VALUE);
	}

	/** The first {@code count} of {@link #ids(StoryQuery)}. */
	public List<Long> latest(StoryQuery query, int count) {
		List<Long> ids = new ArrayList<>();
		for (Row row : this.rows) {
			if (ids.size() >= count) {
				break;
			}
			if (row.matches(query)) {
				ids.add(row.id());
			}
		}
		return ids;
	}

	/**
	 * A public story as listings select it.
	 *
	 * @param id article id
	 * @param releaseAt release instant
	 * @param type kind of story
	 * @param topicIds the topics it is filed under, each with the topic it was merged
	 * into, if any (it shows in both listings, as the SQL filter has it)
	 * @param authorIds the same for its authors
	 */
	record Row(long id, Instant releaseAt, ArticleType type, Set<Long> topicIds, Set<Long> authorIds) {

		boolean matches(StoryQuery query) {
			return (query.type() == null || query.type() == this.type)
					&& (query.topicId() == null || this.topicIds.contains(query.topicId()))
					&& (query.authorId() == null || this.authorIds.contains(query.authorId()))
					&& (query.releasedFrom() == null || !this.releaseAt.isBefore(query.releasedFrom()))
					&& (query.releasedBefore() == null || this.releaseAt.isBefore(query.releasedBefore()));
		}

	}

}
