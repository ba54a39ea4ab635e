package org.gazette.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secret tokens sent in links (set-password and reset links, preview links) and the
 * hashes they are stored as: only a SHA-256 of each token is kept, so the database alone
 * opens no link.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	/** 256 random bits, URL-safe: 43 characters. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The token's SHA-256 as 64 lower-case hex digits. */
	public static String sha256(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the text could be one of our tokens; anything else is not looked up. */
	public static boolean looksValid(String token) {
		return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]{43}");
	}

	/** Compares two hashes in time that does not depend on where they first differ. */
	public static boolean sameHash(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
