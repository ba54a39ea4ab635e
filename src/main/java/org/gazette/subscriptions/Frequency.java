package org.gazette.subscriptions;

import java.util.Locale;

/** How often a subscriber hears from the newsroom. */
public enum Frequency {

	/** One email per story, at its release. */
	IMMEDIATE,
	/** One digest a day of the day's stories. */
	DAILY;

	/** As stored and in forms: {@code immediate}, {@code daily}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Frequency fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/**
	 * The choice as a form posts it; none means {@link #IMMEDIATE}, as before the form
	 * offered the digest.
	 * @throws InvalidSubscriptionException for any other value
	 */
	public static Frequency fromForm(String code) {
		if (code == null || code.isBlank()) {
			return IMMEDIATE;
		}
		for (Frequency frequency : values()) {
			if (frequency.code().equals(code)) {
				return frequency;
			}
		}
		throw new InvalidSubscriptionException(java.util.Map.of("frequency", "subscribe.frequency.unknown"));
	}

}
