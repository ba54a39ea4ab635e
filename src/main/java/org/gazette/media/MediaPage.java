package org.gazette.media;

import java.util.List;

/**
 * One page of library items, newest first.
 *
 * @param items the items on this page
 * @param total how many match in all
 * @param page this page's number
 */
public record MediaPage(List<MediaAsset> items, long total, int page) {

	public boolean hasNext() {
		return (long) this.page * MediaSearch.PAGE_SIZE < this.total;
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

}
