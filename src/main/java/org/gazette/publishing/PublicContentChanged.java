package org.gazette.publishing;

import java.util.Set;

/**
 * Published on each node when it sees new change events: what the public can see may have
 * changed, so what is built from public content (page caches, the search index) must
 * catch up.
 *
 * @param lastEventId the newest change event seen
 * @param articleIds the articles the new events are about
 * @param everything whether anything at all may have changed (rebuild rather than update)
 */
public record PublicContentChanged(long lastEventId, Set<Long> articleIds, boolean everything) {

	public PublicContentChanged {
		articleIds = Set.copyOf(articleIds);
	}

	/** Everything may have changed, for example after a restore. */
	public static PublicContentChanged everything(long lastEventId) {
		return new PublicContentChanged(lastEventId, Set.of(), true);
	}

}
