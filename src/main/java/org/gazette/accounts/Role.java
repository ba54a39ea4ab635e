package org.gazette.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person may do in the back office. Each role can do everything the roles before
 * it can; see docs/permissions.md.
 */
public enum Role {

	/** Writes and edits their own drafts. */
	CONTRIBUTOR("contributor"),
	/** Edits any draft and manages authors and topics. */
	EDITOR("editor"),
	/** What an editor does, and makes stories public. */
	PUBLISHER("publisher"),
	/** Manages accounts and settings, and everything else. */
	ADMIN("admin");

	private final String code;

	Role(String code) {
		this.code = code;
	}

	/** The value stored in the database and used in forms. */
	public String code() {
		return this.code;
	}

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	public static Optional<Role> fromCode(String code) {
		return Arrays.stream(values()).filter((role) -> role.code.equals(code)).findFirst();
	}

}
