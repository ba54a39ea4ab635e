package org.gazette.search;

/**
 * More searches were asked for than this node could start within the longest wait (see
 * {@code SearchTurns}); the reader is asked to try again shortly.
 */
public final class SearchBusyException extends RuntimeException {

	/** Seconds a reader is asked to wait before trying again. */
	public static final int RETRY_AFTER_SECONDS = 5;

	SearchBusyException() {
		super("Many people are searching right now. Please try again in a few seconds.", null, false, false);
	}

}
