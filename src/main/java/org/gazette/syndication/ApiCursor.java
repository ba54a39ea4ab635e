package org.gazette.syndication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.gazette.publishing.StoryPosition;

/**
 * The API's page cursor: the last story's place in release order, with a check value so
 * that a cursor altered by hand is refused with a clear message rather than silently
 * read. It is not a secret: it only names a position in public data.
 */
final class ApiCursor {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final String INVALID = "The cursor is not one this API gave out, or it was altered."
			+ " Follow the \"next\" link of the previous page, or start again without a cursor.";

	private ApiCursor() {
	}

	static String encode(StoryPosition position) {
		String payload = position.releaseAt().getEpochSecond() + "." + position.releaseAt().getNano() + "."
				+ position.id();
		return ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + check(payload);
	}

	static StoryPosition decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String[] parts = cursor.split("\\.", -1);
			if (parts.length != 2 || cursor.length() > 100) {
				throw new InvalidApiRequestException(INVALID);
			}
			String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.US_ASCII);
			if (!MessageDigest.isEqual(check(payload).getBytes(StandardCharsets.US_ASCII),
					parts[1].getBytes(StandardCharsets.US_ASCII))) {
				throw new InvalidApiRequestException(INVALID);
			}
			long[] numbers = Arrays.stream(payload.split("\\.", -1)).mapToLong(Long::parseLong).toArray();
			if (numbers.length != 3) {
				throw new InvalidApiRequestException(INVALID);
			}
			return new StoryPosition(Instant.ofEpochSecond(numbers[0], numbers[1]), numbers[2]);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw new InvalidApiRequestException(INVALID);
		}
	}

	private static String check(String payload) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("gazette-cursor-v1:" + payload).getBytes(StandardCharsets.US_ASCII));
			return ENCODER.encodeToString(Arrays.copyOf(digest, 9));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
