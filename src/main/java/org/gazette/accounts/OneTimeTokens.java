package org.gazette.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random link tokens and the hashes they are stored as. */
final class OneTimeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimeTokens() {
	}

	/** 256 random bits, URL-safe. */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the text could be one of our tokens; anything else is not looked up. */
	static boolean looksValid(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

}
