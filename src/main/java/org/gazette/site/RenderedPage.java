package org.gazette.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A page rendered once, kept with its gzip form and validators so that serving it again
 * costs no rendering and no compression.
 *
 * @param status HTTP status
 * @param html the page as UTF-8
 * @param gzipped the same bytes gzip-compressed
 * @param etag strong validator (quoted), derived from the bytes
 * @param renderedAt when it was rendered, to the second, used as Last-Modified
 */
record RenderedPage(int status, byte[] html, byte[] gzipped, String etag, Instant renderedAt) {

	static RenderedPage of(int status, String html, Instant now) {
		byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
		return new RenderedPage(status, bytes, gzip(bytes), etag(bytes),
				now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	/** Memory the cache is charged for this page. */
	int weight() {
		return this.html.length + this.gzipped.length + 128;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
