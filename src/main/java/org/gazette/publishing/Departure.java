package org.gazette.publishing;

import java.time.Instant;

/**
 * What a story's address answers when no public story lives there but one did: it was
 * taken down, or it moved. Addresses of stories never released answer nothing (404), so
 * the embargo holds here too.
 */
public sealed interface Departure {

	/**
	 * The story lives at another address now (301): its slug changed, or it was
	 * consolidated into another story.
	 *
	 * @param slug the address to send readers to
	 */
	record Moved(String slug) implements Departure {
	}

	/**
	 * Published in error and sent elsewhere (301).
	 *
	 * @param url a site path or an http(s) address
	 */
	record Redirected(String url) implements Departure {
	}

	/**
	 * Published in error and gone (410).
	 *
	 * @param explanation a public explanation in plain text, or null
	 * @param releasedAt when it was released
	 * @param removedAt when it was taken down
	 */
	record Gone(String explanation, Instant releasedAt, Instant removedAt) implements Departure {
	}

	/**
	 * Withdrawn: still readable, under a notice.
	 *
	 * @param story its last published revision
	 * @param reason why, in plain text
	 * @param withdrawnAt when
	 */
	record Withdrawn(PublicStory story, String reason, Instant withdrawnAt) implements Departure {
	}

}
