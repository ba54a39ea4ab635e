package org.gazette.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.OutgoingMail;
import org.gazette.platform.SiteUrls;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factors a person signs in with: security keys and passkeys (WebAuthn), an
 * authenticator app (TOTP) and recovery codes. Setting them up, listing and removing
 * them, and an admin's reset for a lost key. Every change is audited and the person is
 * told by email.
 */
@Service
public class SecondFactors {

	/** The longest name a security key may have. */
	static final int NAME_LENGTH = 60;

	private final SecondFactorRepository factors;

	private final AccountRepository accounts;

	private final TotpSecrets secrets;

	private final SecurityKeyRegistration registration;

	private final PublicKeyCredentialUserEntityRepository webAuthnUsers;

	private final UserCredentialRepository webAuthnCredentials;

	private final AccountsProperties properties;

	private final AuditLog audit;

	private final OutgoingMail mail;

	private final SiteUrls urls;

	private final GazetteProperties site;

	private final Clock clock;

	SecondFactors(SecondFactorRepository factors, AccountRepository accounts, TotpSecrets secrets,
			SecurityKeyRegistration registration, PublicKeyCredentialUserEntityRepository webAuthnUsers,
			UserCredentialRepository webAuthnCredentials, AccountsProperties properties, AuditLog audit,
			OutgoingMail mail, SiteUrls urls, GazetteProperties site, Clock clock) {
		this.factors = factors;
		this.accounts = accounts;
		this.secrets = secrets;
		this.registration = registration;
		this.webAuthnUsers = webAuthnUsers;
		this.webAuthnCredentials = webAuthnCredentials;
		this.properties = properties;
		this.audit = audit;
		this.mail = mail;
		this.urls = urls;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * A registered security key or passkey.
	 *
	 * @param id its credential id (Base64URL), used to remove it
	 * @param name the name its owner gave it
	 * @param createdAt when it was added
	 * @param lastUsedAt when it last signed in, or null
	 */
	public record SecurityKey(String id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	/**
	 * What an account signs in with besides its password.
	 *
	 * @param authenticatorApp whether an authenticator app is set up
	 * @param securityKeys its security keys and passkeys
	 * @param recoveryCodesLeft unused recovery codes
	 * @param required whether the account's role must use a second factor
	 */
	public record Factors(boolean authenticatorApp, List<SecurityKey> securityKeys, int recoveryCodesLeft,
			boolean required) {

		public boolean any() {
			return this.authenticatorApp || !this.securityKeys.isEmpty();
		}

	}

	/**
	 * A new authenticator-app secret, not yet saved.
	 *
	 * @param secret Base32, for typing into the app by hand
	 * @param uri the otpauth address the QR code holds
	 */
	public record AuthenticatorSetup(String secret, String uri) implements java.io.Serializable {

		/** The secret in groups of four, easier to copy by hand. */
		public String grouped() {
			return this.secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

	}

	@Transactional(readOnly = true)
	public Factors factors(long accountId) {
		Account account = require(accountId);
		return new Factors(this.factors.totp(accountId).isPresent(), securityKeys(account.email()),
				this.factors.unusedRecoveryCodes(accountId), this.properties.requiresMfa(account.role()));
	}

	/** Whether the account has a second factor to ask for at sign-in. */
	@Transactional(readOnly = true)
	public boolean hasFactor(long accountId) {
		Account account = require(accountId);
		return this.factors.totp(accountId).isPresent() || this.factors.securityKeys(account.email()) > 0;
	}

	@Transactional(readOnly = true)
	public AuthenticatorSetup newAuthenticator(long accountId) {
		String secret = Totp.newSecret();
		return new AuthenticatorSetup(secret, Totp.uri(this.site.siteName(), require(accountId).email(), secret));
	}

	/**
	 * Saves the authenticator app once the person has typed a code it shows, which proves
	 * the app holds the secret.
	 * @return new recovery codes when the account had none, to show once; otherwise empty
	 */
	@Transactional
	public List<String> addAuthenticator(long accountId, AuthenticatorSetup setup, String code, String client) {
		Instant now = this.clock.instant();
		String problem = codeProblem(code);
		OptionalLong step = (problem == null) ? Totp.matchingStep(setup.secret(), code, now, Long.MIN_VALUE)
				: OptionalLong.empty();
		if (step.isEmpty()) {
			throw new InvalidAccountException(Map.of("code", (problem != null) ? problem
					: "That code is not right. Type the 6-digit code your app shows now for this account."));
		}
		this.factors.saveTotp(accountId, this.secrets.seal(setup.secret()), step.getAsLong(), now);
		record(accountId, "mfa.authenticator-added", "", client);
		notify(accountId, "An authenticator app was set up to sign in to your back-office account.");
		return recoveryCodesIfNone(accountId, client);
	}

	@Transactional
	public void removeAuthenticator(long accountId, String client) {
		checkNotLast(accountId, 1, 0);
		if (this.factors.deleteTotp(accountId) > 0) {
			record(accountId, "mfa.authenticator-removed", "", client);
			dropRecoveryCodesIfNoFactor(accountId);
			notify(accountId, "The authenticator app was removed from your back-office account.");
		}
	}

	/** Options for the browser to create a passkey or register a security key. */
	@Transactional
	public SecurityKeyChallenge startSecurityKey(long accountId) {
		return this.registration.start(require(accountId).email());
	}

	/**
	 * Verifies and saves a key the browser created with the started options.
	 * @return new recovery codes when the account had none, to show once; otherwise empty
	 */
	@Transactional
	public List<String> addSecurityKey(long accountId, SecurityKeyChallenge started, String credentialJson, String name,
			String client) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty()) {
			throw new InvalidAccountException(
					Map.of("name", "Give the key a name, such as “Blue key” or “Work laptop”."));
		}
		if (clean.length() > NAME_LENGTH || clean.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidAccountException(Map.of("name", "Use a name of up to " + NAME_LENGTH + " characters."));
		}
		this.registration.finish(require(accountId).email(), started, credentialJson, clean);
		record(accountId, "mfa.security-key-added", clean, client);
		notify(accountId, "A security key or passkey named “" + clean + "” was added to your back-office account.");
		return recoveryCodesIfNone(accountId, client);
	}

	@Transactional
	public void removeSecurityKey(long accountId, String id, String client) {
		SecurityKey key = securityKeys(require(accountId).email()).stream()
			.filter((candidate) -> candidate.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AccountNotFoundException("No such security key"));
		checkNotLast(accountId, 0, 1);
		this.webAuthnCredentials.delete(Bytes.fromBase64(key.id()));
		record(accountId, "mfa.security-key-removed", key.name(), client);
		dropRecoveryCodesIfNoFactor(accountId);
		notify(accountId,
				"The security key or passkey named “" + key.name() + "” was removed from your back-office account.");
	}

	/** Replaces every recovery code with ten new ones, shown once. */
	@Transactional
	public List<String> newRecoveryCodes(long accountId, String client) {
		if (!hasFactor(accountId)) {
			throw new InvalidAccountException(
					Map.of("recovery", "Set up a security key or an authenticator app first."));
		}
		List<String> codes = replaceRecoveryCodes(accountId);
		record(accountId, "mfa.recovery-codes-regenerated", "", client);
		notify(accountId, "New recovery codes were made for your back-office account; the old ones no longer work.");
		return codes;
	}

	/**
	 * An admin removes every second factor of an account, for a lost key. The person sets
	 * up a new one at their next sign-in (or may sign in without, if their role allows).
	 */
	@Transactional
	public void reset(long accountId, String by) {
		Account account = require(accountId);
		int keys = this.factors.deleteSecurityKeys(account.email());
		int apps = this.factors.deleteTotp(accountId);
		int codes = this.factors.deleteRecoveryCodes(accountId);
		this.audit.record(AuditRecord.of(by, "mfa.reset", "account", accountId,
				account.email() + ": " + keys + " key(s), " + apps + " app(s), " + codes + " recovery code(s)"));
		this.mail.send(account.email(), "Your " + this.site.siteName() + " sign-in factors were reset",
				AccountEmails.factorsReset(account, this.urls.absolute("/admin/sign-in")));
	}

	private List<SecurityKey> securityKeys(String email) {
		PublicKeyCredentialUserEntity user = this.webAuthnUsers.findByUsername(email);
		if (user == null) {
			return List.of();
		}
		List<SecurityKey> keys = new ArrayList<>();
		for (CredentialRecord record : this.webAuthnCredentials.findByUserId(user.getId())) {
			keys.add(new SecurityKey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
					record.getCreated(), record.getLastUsed()));
		}
		keys.sort(Comparator.comparing(SecurityKey::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
		return keys;
	}

	private void checkNotLast(long accountId, int apps, int keys) {
		Account account = require(accountId);
		if (!this.properties.requiresMfa(account.role())) {
			return;
		}
		int left = (this.factors.totp(accountId).isPresent() ? 1 : 0) - apps
				+ this.factors.securityKeys(account.email()) - keys;
		if (left < 1) {
			throw new InvalidAccountException(Map.of("factors", "Your role needs a second factor. Add another"
					+ " security key or an authenticator app before removing this one."));
		}
	}

	private List<String> recoveryCodesIfNone(long accountId, String client) {
		if (this.factors.unusedRecoveryCodes(accountId) > 0) {
			return List.of();
		}
		List<String> codes = replaceRecoveryCodes(accountId);
		record(accountId, "mfa.recovery-codes-created", "", client);
		return codes;
	}

	private List<String> replaceRecoveryCodes(long accountId) {
		List<String> codes = RecoveryCodes.generate();
		this.factors.replaceRecoveryCodes(accountId, codes.stream().map(RecoveryCodes::hash).toList(),
				this.clock.instant());
		return codes;
	}

	private void dropRecoveryCodesIfNoFactor(long accountId) {
		if (!hasFactor(accountId)) {
			this.factors.deleteRecoveryCodes(accountId);
		}
	}

	static String codeProblem(String code) {
		if (code == null || code.isBlank()) {
			return "Enter the 6-digit code from your authenticator app.";
		}
		if (!Totp.looksLikeCode(code)) {
			return "Enter the code as 6 digits, like 123456.";
		}
		return null;
	}

	private void record(long accountId, String action, String details, String client) {
		this.audit.record(new AuditRecord(require(accountId).email(), action, "account", Long.toString(accountId),
				details, client));
	}

	private void notify(long accountId, String change) {
		Account account = require(accountId);
		this.mail.send(account.email(), "Your " + this.site.siteName() + " sign-in was changed",
				AccountEmails.securityChanged(account, change, this.urls.absolute("/admin/reset-password")));
	}

	private Account require(long accountId) {
		return this.accounts.find(accountId)
			.orElseThrow(() -> new AccountNotFoundException("There is no account " + accountId + "."));
	}

}
