package org.gazette.publishing;

import java.util.Locale;

/** Where a piece of release work stands. */
public enum ReleaseTaskState {

	/** Waiting for its due instant, or for its next attempt after a failure. */
	PENDING,
	/** Claimed by a node, which is running it. */
	RUNNING,
	/** Finished. */
	DONE,
	/**
	 * Not run, because the story was taken down or rescheduled before the work could run.
	 */
	SKIPPED,
	/** Given up after too many failed attempts. */
	FAILED;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ReleaseTaskState fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
