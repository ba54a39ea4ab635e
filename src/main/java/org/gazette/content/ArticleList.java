package org.gazette.content;

import java.util.List;

/**
 * One page of the admin article list.
 *
 * @param articles the rows on this page
 * @param total how many stories match in all
 * @param page this page's number, from 1
 * @param pageSize rows per page
 */
public record ArticleList(List<ArticleListing> articles, long total, int page, int pageSize) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

}
