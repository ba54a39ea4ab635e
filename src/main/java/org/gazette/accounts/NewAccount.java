package org.gazette.accounts;

/**
 * What an admin types to invite a colleague.
 *
 * @param email sign-in address
 * @param displayName the name colleagues see
 * @param role the role to give
 */
public record NewAccount(String email, String displayName, Role role) {
}
