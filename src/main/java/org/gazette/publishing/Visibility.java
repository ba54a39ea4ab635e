package org.gazette.publishing;

import java.time.Instant;

/**
 * The embargo, implemented once. An article is public if and only if it has a published
 * revision, its release instant is at or before now, and it is not unpublished. Every
 * public read path applies this rule, in SQL through {@link #PUBLIC_ARTICLE} or in Java
 * through {@link #isPublic}; both say the same thing.
 */
public final class Visibility {

	/**
	 * The rule as a SQL condition over the {@code article} table aliased {@code a}; bind
	 * {@code :now} to the current instant.
	 */
	public static final String PUBLIC_ARTICLE = """
			(a.published_revision_id is not null and a.release_at <= :now and a.unpublished_at is null)""";

	private Visibility() {
	}

	public static boolean isPublic(Long publishedRevisionId, Instant releaseAt, Instant unpublishedAt, Instant now) {
		return publishedRevisionId != null && releaseAt != null && !releaseAt.isAfter(now) && unpublishedAt == null;
	}

}
