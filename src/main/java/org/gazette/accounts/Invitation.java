package org.gazette.accounts;

/**
 * A new account and the one-time link its owner uses to choose a password.
 *
 * @param account the account
 * @param setPasswordUrl absolute address of the set-password page with the token
 */
public record Invitation(Account account, String setPasswordUrl) {
}
