package org.gazette.search;

/**
 * A mild freshness boost: a story released today scores up to 20% higher than an old one
 * on the same words, fading over about a year, so relevance still decides.
 */
final class RecencyBoost {

	/** The largest factor, for a story released at the instant of the search. */
	static final double MAX = 1.2;

	private static final double DAY_MILLIS = 86_400_000d;

	private final long nowMillis;

	RecencyBoost(long nowMillis) {
		this.nowMillis = nowMillis;
	}

	/** The factor a score is multiplied by, between 1 and {@link #MAX}. */
	double factor(long releaseMillis) {
		double ageDays = Math.max(0, (this.nowMillis - releaseMillis) / DAY_MILLIS);
		return 1 + (MAX - 1) / (1 + ageDays / 90);
	}

}
