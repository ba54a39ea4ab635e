package org.gazette.accounts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what people type into account forms, collecting every problem at once. */
final class AccountForms {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

	private AccountForms() {
	}

	static String normaliseEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * The address, normalised, or a refusal with a message for the {@code email} field.
	 */
	static String checkEmail(String typed) {
		String email = normaliseEmail(typed);
		if (email.isEmpty()) {
			throw new InvalidAccountException(Map.of("email", "Enter an email address."));
		}
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw new InvalidAccountException(Map.of("email", "Enter an email address like name@agency.gov."));
		}
		return email;
	}

	static NewAccount check(NewAccount account) {
		Map<String, String> errors = new LinkedHashMap<>();
		String email = normaliseEmail(account.email());
		if (email.isEmpty()) {
			errors.put("email", "Enter an email address.");
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			errors.put("email", "Enter an email address like name@agency.gov.");
		}
		String name = (account.displayName() != null) ? account.displayName().strip() : "";
		if (name.isEmpty()) {
			errors.put("displayName", "Enter the person's name.");
		}
		else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
			errors.put("displayName", "Enter a name of up to 200 characters.");
		}
		if (account.role() == null) {
			errors.put("role", "Choose a role.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidAccountException(errors);
		}
		return new NewAccount(email, name, account.role());
	}

}
