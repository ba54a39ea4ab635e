package org.gazette.admin;

import org.gazette.media.MediaAsset;
import org.gazette.media.MediaDetails;

/**
 * The details typed on the upload form and the item page, exactly as typed.
 *
 * @param title what the item is called; a document's link text
 * @param altText images: the text alternative
 * @param decorative images: {@code true} when marked decorative
 * @param caption optional caption
 * @param credit optional credit
 */
public record MediaForm(String title, String altText, String decorative, String caption, String credit) {

	static final MediaForm EMPTY = new MediaForm("", "", "", "", "");

	public MediaForm {
		title = kept(title, 1000);
		altText = kept(altText, 3000);
		decorative = kept(decorative, 10);
		caption = kept(caption, 6000);
		credit = kept(credit, 1000);
	}

	static MediaForm of(MediaAsset asset) {
		return new MediaForm(asset.title(), asset.altText(), asset.decorative() ? "true" : "", asset.caption(),
				asset.credit());
	}

	public boolean isDecorative() {
		return "true".equals(this.decorative);
	}

	MediaDetails toDetails() {
		return new MediaDetails(this.title, this.altText, isDecorative(), this.caption, this.credit);
	}

	private static String kept(String typed, int max) {
		if (typed == null) {
			return "";
		}
		return (typed.length() > max) ? typed.substring(0, max) : typed;
	}

}
