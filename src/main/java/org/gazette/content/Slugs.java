package org.gazette.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs: lower-case ASCII words joined by hyphens, as in
 * {@code new-lanes-open-at-laredo}.
 */
public final class Slugs {

	/**
	 * Longest slug accepted; long enough for a headline, short enough for a readable URL.
	 */
	public static final int MAX_LENGTH = 120;

	private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

	private Slugs() {
	}

	public static boolean isValid(String slug) {
		return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
	}

	/**
	 * A slug made from a title: accents folded, punctuation dropped, cut at a word
	 * boundary.
	 */
	public static String fromTitle(String title) {
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = NON_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_LENGTH) {
			int cut = slug.lastIndexOf('-', MAX_LENGTH);
			slug = slug.substring(0, (cut > 0) ? cut : MAX_LENGTH);
		}
		return slug.isEmpty() ? "story" : slug;
	}

}
