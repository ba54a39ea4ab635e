package org.gazette.publishing;

import java.util.List;

/**
 * One page of redirects, by old path.
 *
 * @param redirects this page's
 * @param total how many match in all
 * @param page page number from 1
 * @param pageSize redirects per page
 */
public record RedirectList(List<Redirect> redirects, long total, int page, int pageSize) {

	public int pageCount() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

}
