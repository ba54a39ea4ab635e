package org.gazette.accounts;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Keeps authenticator-app secrets encrypted (AES-GCM, key derived from
 * {@code gazette.accounts.secret-key}) so that a copy of the database alone cannot make
 * codes. Without a key the secret is stored as it is and a warning says so once.
 */
@Component
class TotpSecrets {

	private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

	/** Fixed, public salt: the key's strength comes from the configured secret. */
	private static final String SALT = HexFormat.of().formatHex("gazette-totp".getBytes(StandardCharsets.UTF_8));

	private final BytesEncryptor encryptor;

	TotpSecrets(AccountsProperties properties) {
		this.encryptor = properties.secretKey().isBlank() ? null : Encryptors.stronger(properties.secretKey(), SALT);
		if (this.encryptor == null) {
			log.warn("Authenticator-app secrets are stored unencrypted: set GAZETTE_ACCOUNTS_SECRET_KEY to a long"
					+ " random text to encrypt them");
		}
	}

	String seal(String secret) {
		if (this.encryptor == null) {
			return "plain:" + secret;
		}
		return "aes:" + HexFormat.of().formatHex(this.encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
	}

	String open(String stored) {
		if (stored.startsWith("plain:")) {
			return stored.substring("plain:".length());
		}
		if (this.encryptor == null) {
			throw new IllegalStateException("An authenticator secret is encrypted but no secret key is configured");
		}
		return new String(this.encryptor.decrypt(HexFormat.of().parseHex(stored.substring("aes:".length()))),
				StandardCharsets.UTF_8);
	}

}
