package org.gazette.site;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The USWDS pager: first and last page always, the current page with its neighbours, and
 * gaps between; at most seven entries, so it fits a phone.
 */
final class Paginations {

	private Paginations() {
	}

	static Views.Pagination of(int current, int last, IntFunction<String> url) {
		List<Views.PageLink> pages = new ArrayList<>();
		int from = Math.max(1, Math.min(current - 1, last - 4));
		int to = Math.min(last, Math.max(current + 1, 5));
		if (last <= 7) {
			from = 1;
			to = last;
		}
		if (from > 1) {
			pages.add(link(1, current, url));
			if (from > 2) {
				pages.add(new Views.PageLink(0, null, false));
			}
		}
		for (int n = from; n <= to; n++) {
			pages.add(link(n, current, url));
		}
		if (to < last) {
			if (to < last - 1) {
				pages.add(new Views.PageLink(0, null, false));
			}
			pages.add(link(last, current, url));
		}
		Views.PageLink previous = (current > 1 && current <= last) ? link(current - 1, current, url) : null;
		Views.PageLink next = (current < last) ? link(current + 1, current, url) : null;
		return new Views.Pagination(previous, pages, next);
	}

	private static Views.PageLink link(int number, int current, IntFunction<String> url) {
		return new Views.PageLink(number, url.apply(number), number == current);
	}

}
