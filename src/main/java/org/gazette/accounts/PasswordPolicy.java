package org.gazette.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * The rules for a new password, after NIST SP 800-63B: long enough, not common, no
 * composition rules, and used exactly as typed (no trimming, no case folding).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 256;

	private final Set<String> common;

	private PasswordPolicy(Set<String> common) {
		this.common = common;
	}

	static PasswordPolicy load() {
		Set<String> common = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("accounts/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.isEmpty() && !line.startsWith("#")).forEach(common::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new PasswordPolicy(Set.copyOf(common));
	}

	/**
	 * Why this password cannot be used, or empty when it can.
	 * @param password as typed
	 * @param email the account's address, which must not be the password
	 */
	Optional<String> problem(String password, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Enter a password.");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters. A few words in a row make a strong password"
					+ " that is easy to remember.");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("Use " + MAX_LENGTH + " characters or fewer.");
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(folded) || folded.equals(email)) {
			return Optional.of("This password is too common and easy to guess. Choose another one.");
		}
		return Optional.empty();
	}

}
