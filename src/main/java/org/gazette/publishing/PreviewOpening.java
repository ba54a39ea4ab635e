package org.gazette.publishing;

/**
 * What a preview link's token opens: the story, or why not.
 *
 * @param outcome whether the link works, and if not, why
 * @param link the link, or null when the token names none
 * @param story the revision to show, only when the link works
 */
public record PreviewOpening(Outcome outcome, PreviewLink link, PreviewedStory story) {

	/** Whether a preview link opens, and if not, why. */
	public enum Outcome {

		/** The link works: show the story. */
		OPEN,
		/** The link's time is up. */
		EXPIRED,
		/** Someone revoked the link. */
		REVOKED,
		/** No link has this token (or the text is not a token at all). */
		UNKNOWN

	}

	static PreviewOpening open(PreviewLink link, PreviewedStory story) {
		return new PreviewOpening(Outcome.OPEN, link, story);
	}

	static PreviewOpening closed(Outcome outcome, PreviewLink link) {
		return new PreviewOpening(outcome, link, null);
	}

	static PreviewOpening unknown() {
		return new PreviewOpening(Outcome.UNKNOWN, null, null);
	}

}
