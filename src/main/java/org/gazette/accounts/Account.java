package org.gazette.accounts;

import java.time.Instant;

/**
 * A person who can sign in to the back office.
 *
 * @param id database id
 * @param email sign-in address, lower case
 * @param displayName the name colleagues see
 * @param role what the person may do
 * @param enabled false once an admin has switched the account off
 * @param passwordSet whether the person has chosen a password yet
 * @param createdAt when the account was created
 */
public record Account(long id, String email, String displayName, Role role, boolean enabled, boolean passwordSet,
		Instant createdAt) {
}
