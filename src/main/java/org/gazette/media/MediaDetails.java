package org.gazette.media;

/**
 * What an editor says about a library item.
 *
 * @param title what editors call it; required for documents (their link text), made from
 * the file name for an image left without one
 * @param altText images: describes the picture for people who cannot see it; required
 * unless the image is decorative
 * @param decorative images: the picture adds nothing the text does not say
 * @param caption optional
 * @param credit optional
 */
public record MediaDetails(String title, String altText, boolean decorative, String caption, String credit) {

	public MediaDetails {
		title = trimmed(title);
		altText = trimmed(altText);
		caption = trimmed(caption);
		credit = trimmed(credit);
	}

	private static String trimmed(String text) {
		return (text != null) ? text.strip() : "";
	}

}
