package org.gazette.content;

import java.util.List;

/**
 * One page of the admin article list.
 *
 * @param articles the rows on this page
 * @param total how many stories match in all, or at least, when {@code moreThanTotal}
 * @param moreThanTotal whether more than {@code total} stories match: counting stops a
 * few pages past this one (decision 0013), as nobody reads how many thousands exactly and
 * counting them all is what made a large list slow
 * @param page this page's number, from 1
 * @param pageSize rows per page
 */
public record ArticleList(List<ArticleListing> articles, long total, boolean moreThanTotal, int page, int pageSize) {

	/** Pages in all, or at least when {@link #moreThanTotal()}. */
	public int pages() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

	/** Whether a page follows this one. */
	public boolean hasNext() {
		return (this.page < pages()) || (this.moreThanTotal && this.articles.size() == this.pageSize);
	}

}
