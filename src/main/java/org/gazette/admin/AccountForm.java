package org.gazette.admin;

/**
 * The new-account form. Only these fields bind: an extra {@code id} or {@code enabled} in
 * the request is ignored.
 *
 * @param email sign-in address
 * @param displayName the person's name
 * @param role a role code
 */
public record AccountForm(String email, String displayName, String role) {

	static AccountForm empty() {
		return new AccountForm("", "", "contributor");
	}

}
