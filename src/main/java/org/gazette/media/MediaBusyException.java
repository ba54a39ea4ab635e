package org.gazette.media;

import java.time.Duration;

/**
 * The library is working on as many images as it may at once, and this upload waited its
 * turn too long; nothing was stored, and the same upload may simply be sent again.
 */
public class MediaBusyException extends RuntimeException {

	private final Duration retryAfter;

	MediaBusyException(Duration waited) {
		super("Gazette is busy processing other images. Nothing was uploaded: upload the file again in a minute.");
		this.retryAfter = (waited.toSeconds() < 30) ? Duration.ofSeconds(30) : waited;
	}

	/** When trying again is likely to succeed. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
