package org.gazette.publishing;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param stories the stories on this page, newest first
 * @param total how many stories match in all
 * @param page this page's number, from 1
 * @param pageSize stories per page
 */
public record StoryList(List<StoryCard> stories, long total, int page, int pageSize) {

	/** Number of pages; an empty listing still has one (empty) page. */
	public int pageCount() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

}
