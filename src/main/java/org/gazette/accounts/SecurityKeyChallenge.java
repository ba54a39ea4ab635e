package org.gazette.accounts;

import java.io.Serializable;

/**
 * A security-key registration in progress, kept in the person's session between asking
 * the browser to create a key and checking what it created.
 *
 * @param optionsJson the creation options, for the page's script
 * @param challenge the random challenge (Base64URL) the key must sign
 * @param userId the WebAuthn user handle (Base64URL)
 */
public record SecurityKeyChallenge(String optionsJson, String challenge, String userId) implements Serializable {
}
