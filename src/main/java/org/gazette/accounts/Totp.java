package org.gazette.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Authenticator-app codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), computed by
 * java-otp. A code is accepted for the current step and one step either side, to allow
 * for a phone's clock being a little off.
 */
final class Totp {

	static final int DIGITS = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();

	private Totp() {
	}

	/** A new 160-bit secret (the size RFC 4226 recommends), in Base32 as apps expect. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return base32(bytes);
	}

	/** The address an authenticator app reads from the QR code. */
	static String uri(String issuer, String email, String secret) {
		String label = encode(issuer) + ":" + encode(email);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=30";
	}

	/** Whether the text is shaped like a code at all (six digits, spaces allowed). */
	static boolean looksLikeCode(String code) {
		return code != null && code.length() <= 20 && normalise(code).matches("[0-9]{" + DIGITS + "}");
	}

	static String normalise(String code) {
		return code.replace(" ", "").replace("-", "").strip();
	}

	/**
	 * The time step the code belongs to, if it is right for the secret within one step of
	 * now and later than {@code lastUsedStep}.
	 */
	static OptionalLong matchingStep(String secret, String code, Instant now, long lastUsedStep) {
		if (!looksLikeCode(code)) {
			return OptionalLong.empty();
		}
		int typed = Integer.parseInt(normalise(code));
		Key key = new SecretKeySpec(decode(secret), GENERATOR.getAlgorithm());
		long step = step(now);
		for (long candidate = step - 1; candidate <= step + 1; candidate++) {
			if (candidate > lastUsedStep && code(key, candidate) == typed) {
				return OptionalLong.of(candidate);
			}
		}
		return OptionalLong.empty();
	}

	static long step(Instant instant) {
		return instant.getEpochSecond() / GENERATOR.getTimeStep().getSeconds();
	}

	private static int code(Key key, long step) {
		try {
			return GENERATOR.generateOneTimePassword(key,
					Instant.ofEpochSecond(step * GENERATOR.getTimeStep().getSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] decode(String base32) {
		String clean = base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
		byte[] out = new byte[clean.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out[index++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}

}
