package org.gazette.accounts;

import org.gazette.platform.SecretTokens;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ten random recovery codes like {@code 7KQM-4XRD-P2WH} (60 bits each, no look-alike
 * letters), shown once and stored only as SHA-256 hashes: they are random, so a fast hash
 * is enough.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> generate() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 12; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/**
	 * What is hashed: upper case, without spaces or dashes, as people type it any way.
	 */
	static String normalise(String typed) {
		return typed.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
	}

	static boolean looksLikeCode(String typed) {
		return typed != null && typed.length() <= 40 && normalise(typed).matches("[" + ALPHABET + "]{12}");
	}

	static String hash(String typed) {
		return SecretTokens.sha256(normalise(typed));
	}

}
