package org.gazette.support;

import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * What an authenticator app shows: the RFC 6238 code for a Base32 secret at an instant,
 * computed in the test by java-otp, independently of the application's own code.
 */
public final class TestTotp {

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();

	private TestTotp() {
	}

	public static String code(String base32Secret, Instant at) {
		try {
			int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(decode(base32Secret), "HmacSHA1"), at);
			return String.format(Locale.ROOT, "%06d", code);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base32) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		String clean = base32.replace(" ", "").toUpperCase(Locale.ROOT);
		byte[] out = new byte[clean.length() * 5 / 8];
		long buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : clean.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out[index++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}

}
