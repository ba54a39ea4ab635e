package org.gazette.audit;

import java.time.Instant;

/**
 * Which audit entries to show or export; null fields do not filter.
 *
 * @param actor exact actor (email)
 * @param action action, or a prefix of it ending in a dot such as {@code sign-in.}
 * @param from first instant, inclusive
 * @param until last instant, exclusive
 * @param page 1-based page number
 */
public record AuditFilter(String actor, String action, Instant from, Instant until, int page) {

	public static final int PAGE_SIZE = 50;

	public AuditFilter {
		page = Math.max(page, 1);
	}

	public static AuditFilter everything() {
		return new AuditFilter(null, null, null, null, 1);
	}

}
