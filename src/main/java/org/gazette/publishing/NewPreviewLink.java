package org.gazette.publishing;

/**
 * A preview link just made, with its token: the only time the token exists outside the
 * reviewer's hands. Show it once; it cannot be shown again.
 *
 * @param link the link as stored
 * @param token the secret part of its address
 */
public record NewPreviewLink(PreviewLink link, String token) {

	@Override
	public String toString() {
		// Keeps the token out of logs and error messages.
		return "NewPreviewLink[link=" + this.link + "]";
	}

}
