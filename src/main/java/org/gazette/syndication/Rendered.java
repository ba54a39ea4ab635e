package org.gazette.syndication;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A feed, sitemap or API answer rendered once, with its validators.
 *
 * @param body the bytes sent
 * @param contentType media type with charset
 * @param etag strong validator (quoted), derived from the bytes
 * @param lastModified when it was rendered, to the second: content that changes is
 * rendered again, so this only moves forward, even when a story leaves
 */
record Rendered(byte[] body, String contentType, String etag, Instant lastModified) {

	static Rendered of(byte[] body, String contentType, Instant now) {
		return new Rendered(body, contentType, etag(body), now.truncatedTo(ChronoUnit.SECONDS));
	}

	int weight() {
		return this.body.length + 128;
	}

	static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
