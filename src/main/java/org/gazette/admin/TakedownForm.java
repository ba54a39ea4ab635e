package org.gazette.admin;

import org.gazette.publishing.Takedown;
import org.gazette.publishing.TakedownKind;

/**
 * The take-down form: the reason chosen with radio buttons, and the field each reason
 * needs. Fields of the reasons not chosen are ignored.
 *
 * @param kind {@code gone}, {@code redirect}, {@code consolidated} or {@code withdrawn}
 * @param explanation published in error: the optional public explanation
 * @param redirectUrl published in error: where to send readers instead
 * @param target consolidated: the story it was merged into, by address
 * @param reason withdrawn: the public reason
 */
public record TakedownForm(String kind, String explanation, String redirectUrl, String target, String reason) {

	static final TakedownForm EMPTY = new TakedownForm(null, "", "", "", "");

	/** What the publisher chose; an unknown reason becomes none, which is refused. */
	Takedown toTakedown() {
		TakedownKind chosen = TakedownKind.fromCode((this.kind != null) ? this.kind : "").orElse(null);
		if (chosen == null) {
			return new Takedown(null, null, null, null);
		}
		return switch (chosen) {
			case GONE -> Takedown.gone(this.explanation);
			case REDIRECT -> Takedown.redirectTo(this.redirectUrl);
			case CONSOLIDATED -> Takedown.consolidatedInto(this.target);
			case WITHDRAWN -> Takedown.withdrawn(this.reason);
		};
	}

	/** Whether this reason is the one chosen, for the radio buttons. */
	public boolean chose(String code) {
		return code.equals(this.kind);
	}

}
