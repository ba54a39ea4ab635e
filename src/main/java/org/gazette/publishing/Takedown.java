package org.gazette.publishing;

/**
 * What a publisher chose when taking a story down; only the field its kind needs is read.
 *
 * @param kind why it comes down
 * @param explanation for {@link TakedownKind#GONE}, an optional public explanation; for
 * {@link TakedownKind#WITHDRAWN}, the public reason (required); plain text
 * @param redirectUrl for {@link TakedownKind#REDIRECT}: a site path ({@code /news/other})
 * or an http(s) address
 * @param targetSlug for {@link TakedownKind#CONSOLIDATED}: the public story it was merged
 * into, by slug or address ({@code /news/other} or the full URL)
 */
public record Takedown(TakedownKind kind, String explanation, String redirectUrl, String targetSlug) {

	public static Takedown gone(String explanation) {
		return new Takedown(TakedownKind.GONE, explanation, null, null);
	}

	public static Takedown redirectTo(String url) {
		return new Takedown(TakedownKind.REDIRECT, null, url, null);
	}

	public static Takedown consolidatedInto(String targetSlug) {
		return new Takedown(TakedownKind.CONSOLIDATED, null, null, targetSlug);
	}

	public static Takedown withdrawn(String reason) {
		return new Takedown(TakedownKind.WITHDRAWN, reason, null, null);
	}

}
