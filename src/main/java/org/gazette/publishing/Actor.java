package org.gazette.publishing;

import org.gazette.accounts.Role;

/**
 * Who takes a workflow action.
 *
 * @param email their account's address, as revisions and the audit log record people
 * @param role what they may do
 */
public record Actor(String email, Role role) {

	public boolean can(Role least) {
		return this.role.includes(least);
	}

	/**
	 * Whether this is the person recorded as {@code who} (addresses compare case-blind).
	 */
	public boolean is(String who) {
		return who != null && who.equalsIgnoreCase(this.email);
	}

}
