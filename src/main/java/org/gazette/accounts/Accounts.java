package org.gazette.accounts;

import org.gazette.platform.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.OutgoingMail;
import org.gazette.platform.SiteUrls;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing back-office accounts: inviting people, setting and resetting passwords,
 * changing roles, switching accounts off. Every change is audited in the same
 * transaction.
 */
@Service
public class Accounts {

	static final String SET_PASSWORD_PATH = "/admin/set-password/";

	static final String RESET_PASSWORD_PATH = "/admin/reset-password/";

	private final AccountRepository accounts;

	private final OneTimeTokenRepository tokens;

	private final SecondFactorRepository factors;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy = PasswordPolicy.load();

	private final AccountSessions sessions;

	private final AuditLog audit;

	private final OutgoingMail mail;

	private final SiteUrls urls;

	private final GazetteProperties properties;

	private final Clock clock;

	Accounts(AccountRepository accounts, OneTimeTokenRepository tokens, SecondFactorRepository factors,
			PasswordEncoder passwords, AccountSessions sessions, AuditLog audit, OutgoingMail mail, SiteUrls urls,
			GazetteProperties properties, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.factors = factors;
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
		this.mail = mail;
		this.urls = urls;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates an account without a password and a link to choose one.
	 * @param by who invites, for the audit log
	 */
	@Transactional
	public Invitation invite(NewAccount account, String by) {
		NewAccount clean = AccountForms.check(account);
		if (this.accounts.findByEmail(clean.email()).isPresent()) {
			throw new InvalidAccountException(Map.of("email", "An account with this email address already exists."));
		}
		Instant now = this.clock.instant();
		long id = this.accounts.insert(clean, now);
		this.audit
			.record(AuditRecord.of(by, "account.created", "account", id, clean.email() + " as " + clean.role().code()));
		String link = newLink(id, TokenPurpose.SET_PASSWORD, now);
		return new Invitation(this.accounts.find(id).orElseThrow(), link);
	}

	/** Whether a set-password or reset link can still be used. */
	@Transactional(readOnly = true)
	public Optional<Account> accountForLink(String token, boolean reset) {
		if (!SecretTokens.looksValid(token)) {
			return Optional.empty();
		}
		TokenPurpose purpose = reset ? TokenPurpose.RESET_PASSWORD : TokenPurpose.SET_PASSWORD;
		String hash = SecretTokens.sha256(token);
		return this.tokens.isUsable(purpose, hash, this.clock.instant()) ? accountOfToken(hash) : Optional.empty();
	}

	/**
	 * Sets a password by a one-time link. The link is spent only when the password is
	 * accepted, so a refused password can be corrected.
	 * @return the account, or empty when the link is unknown, used or expired
	 */
	@Transactional
	public Optional<Account> setPasswordByLink(String token, boolean reset, String password, String client) {
		Optional<Account> account = accountForLink(token, reset);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		checkPassword(password, account.get().email());
		TokenPurpose purpose = reset ? TokenPurpose.RESET_PASSWORD : TokenPurpose.SET_PASSWORD;
		Instant now = this.clock.instant();
		if (this.tokens.consume(purpose, SecretTokens.sha256(token), now).isEmpty()) {
			return Optional.empty();
		}
		long id = account.get().id();
		this.accounts.setPassword(id, this.passwords.encode(password), now);
		this.tokens.revokeAll(id, now);
		this.audit.record(new AuditRecord(account.get().email(),
				reset ? "account.password-reset" : "account.password-set", "account", Long.toString(id), "", client));
		this.sessions.endAll(account.get().email(), null);
		if (reset || account.get().passwordSet()) {
			this.mail.send(account.get().email(), "Your " + siteName() + " password was changed",
					AccountEmails.passwordChanged(account.get(), this.urls.absolute("/admin/reset-password")));
		}
		return this.accounts.find(id);
	}

	/**
	 * Emails a reset link when the address has an enabled account. Says nothing either
	 * way, so the form cannot be used to find out who has an account.
	 */
	@Transactional
	public void requestPasswordReset(String email, String client) {
		String address = AccountForms.normaliseEmail(email);
		Optional<Account> account = this.accounts.findByEmail(address).filter(Account::enabled);
		this.audit.record(new AuditRecord(address, "account.reset-requested", "account",
				account.map((found) -> Long.toString(found.id())).orElse(null),
				account.isPresent() ? "" : "no such enabled account", client));
		if (account.isPresent()) {
			String link = newLink(account.get().id(), TokenPurpose.RESET_PASSWORD, this.clock.instant());
			this.mail.send(address, "Reset your " + siteName() + " password",
					AccountEmails.resetLink(account.get(), link, TokenPurpose.RESET_PASSWORD.validity()));
		}
	}

	/** A fresh set-password link for an account whose owner never used theirs. */
	@Transactional
	public Invitation reinvite(long accountId, String by) {
		Account account = require(accountId);
		this.tokens.revokeAll(accountId, this.clock.instant());
		this.audit.record(AuditRecord.of(by, "account.reinvited", "account", accountId, account.email()));
		return new Invitation(account, newLink(accountId, TokenPurpose.SET_PASSWORD, this.clock.instant()));
	}

	@Transactional
	public Account changeRole(long accountId, Role role, String by) {
		Account account = require(accountId);
		if (account.role() == role) {
			return account;
		}
		if (account.role() == Role.ADMIN && account.enabled() && this.accounts.countAdmins() <= 1) {
			throw new InvalidAccountException(
					Map.of("role", "This is the only admin. Make someone else an admin first."));
		}
		this.accounts.setRole(accountId, role);
		this.audit.record(AuditRecord.of(by, "account.role", "account", accountId,
				account.email() + ": " + account.role().code() + " to " + role.code()));
		this.sessions.endAll(account.email(), null);
		return require(accountId);
	}

	@Transactional
	public Account setEnabled(long accountId, boolean enabled, String by) {
		Account account = require(accountId);
		if (account.enabled() == enabled) {
			return account;
		}
		if (!enabled && account.role() == Role.ADMIN && this.accounts.countAdmins() <= 1) {
			throw new InvalidAccountException(
					Map.of("enabled", "This is the only admin. Make someone else an admin first."));
		}
		this.accounts.setEnabled(accountId, enabled);
		this.audit.record(AuditRecord.of(by, enabled ? "account.enabled" : "account.disabled", "account", accountId,
				account.email()));
		if (!enabled) {
			this.sessions.endAll(account.email(), null);
		}
		return require(accountId);
	}

	/**
	 * The account a single sign-on opens, creating it or changing its role when the
	 * provider's role claim says so.
	 * @param role the role the provider's claim maps to, if any
	 * @param create whether to create a missing account that has a mapped role
	 * @param provider the registration used, for the audit log
	 * @return the enabled account, or empty when the person may not sign in
	 */
	@Transactional
	public Optional<Account> signInBySso(String email, String displayName, Optional<Role> role, boolean create,
			String provider) {
		Optional<Account> found = this.accounts.findByEmail(email);
		if (found.isEmpty()) {
			if (!create || role.isEmpty()) {
				return Optional.empty();
			}
			NewAccount clean = AccountForms.check(new NewAccount(email, displayName, role.get()));
			long id = this.accounts.insert(clean, this.clock.instant());
			this.audit.record(AuditRecord.of("sso:" + provider, "account.created", "account", id,
					clean.email() + " as " + clean.role().code() + " on first single sign-on"));
			return this.accounts.find(id);
		}
		Account account = found.get();
		if (!account.enabled()) {
			return Optional.empty();
		}
		if (role.isPresent() && role.get() != account.role()) {
			this.accounts.setRole(account.id(), role.get());
			this.audit.record(AuditRecord.of("sso:" + provider, "account.role", "account", account.id(), account.email()
					+ ": " + account.role().code() + " to " + role.get().code() + " from the identity provider"));
			return this.accounts.find(account.id());
		}
		return found;
	}

	/** Signs the account out on every device. */
	@Transactional
	public int endSessions(long accountId, String by, String keepSessionId) {
		Account account = require(accountId);
		int ended = this.sessions.endAll(account.email(), keepSessionId);
		this.audit.record(AuditRecord.of(by, "account.sessions-ended", "account", accountId,
				ended + " session(s) of " + account.email()));
		return ended;
	}

	/**
	 * Changes a signed-in person's password: the current one must be right and the new
	 * one must meet the policy. Ends their other sessions and tells them by email.
	 */
	@Transactional
	public void changePassword(long accountId, String current, String password, String confirmation,
			String keepSessionId, String client) {
		Account account = require(accountId);
		String hash = this.accounts.credentials(account.email())
			.map(AccountRepository.Credentials::passwordHash)
			.orElse(null);
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (current == null || current.isEmpty()) {
			errors.put("current", "Enter your current password.");
		}
		else if (hash == null || current.length() > 1024 || !this.passwords.matches(current, hash)) {
			errors.put("current", "That is not your current password.");
		}
		this.policy.problem(password, account.email()).ifPresent((problem) -> errors.put("password", problem));
		if (!errors.containsKey("password") && !password.equals(confirmation)) {
			errors.put("confirmation", "The two passwords are not the same. Type the same password twice.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidAccountException(errors);
		}
		this.accounts.setPassword(accountId, this.passwords.encode(password), this.clock.instant());
		this.audit.record(new AuditRecord(account.email(), "account.password-changed", "account",
				Long.toString(accountId), "", client));
		this.sessions.endAll(account.email(), keepSessionId);
		this.mail.send(account.email(), "Your " + siteName() + " password was changed",
				AccountEmails.securityChanged(account,
						"The password for your back-office account was just changed, and you were signed out on"
								+ " your other devices.",
						this.urls.absolute("/admin/reset-password")));
	}

	/**
	 * Changes a signed-in person's sign-in address. Both the old and the new address are
	 * told, so that a stolen session cannot quietly take the account; other sessions end.
	 */
	@Transactional
	public Account changeEmail(long accountId, String email, String keepSessionId, String client) {
		Account account = require(accountId);
		String clean = AccountForms.checkEmail(email);
		if (clean.equals(account.email())) {
			throw new InvalidAccountException(Map.of("email", "This is already your email address."));
		}
		if (this.accounts.findByEmail(clean).isPresent()) {
			throw new InvalidAccountException(Map.of("email", "Another account uses this email address."));
		}
		this.accounts.setEmail(accountId, clean);
		this.factors.renameWebAuthnUser(account.email(), clean);
		this.audit.record(new AuditRecord(clean, "account.email-changed", "account", Long.toString(accountId),
				account.email() + " to " + clean, client));
		this.sessions.endAll(account.email(), keepSessionId);
		String change = "The email address of your back-office account was changed from " + account.email() + " to "
				+ clean + ". You were signed out on your other devices.";
		String resetPage = this.urls.absolute("/admin/reset-password");
		this.mail.send(account.email(), "Your " + siteName() + " email address was changed",
				AccountEmails.securityChanged(account, change, resetPage));
		this.mail.send(clean, "Your " + siteName() + " email address was changed",
				AccountEmails.securityChanged(account, change, resetPage));
		return require(accountId);
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.accounts.findAll();
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long accountId) {
		return this.accounts.find(accountId);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByEmail(String email) {
		return this.accounts.findByEmail(AccountForms.normaliseEmail(email));
	}

	@Transactional(readOnly = true)
	public boolean hasAdmin() {
		return this.accounts.countAdmins() > 0;
	}

	/**
	 * Throws with a message for the {@code password} field when the password breaks the
	 * policy.
	 */
	public void checkPassword(String password, String email) {
		this.policy.problem(password, email).ifPresent((problem) -> {
			throw new InvalidAccountException(Map.of("password", problem));
		});
	}

	private Account require(long accountId) {
		return this.accounts.find(accountId)
			.orElseThrow(() -> new AccountNotFoundException("There is no account " + accountId + "."));
	}

	private Optional<Account> accountOfToken(String hash) {
		return this.tokens.accountOf(hash).flatMap(this.accounts::find).filter(Account::enabled);
	}

	private String newLink(long accountId, TokenPurpose purpose, Instant now) {
		String token = SecretTokens.newToken();
		this.tokens.insert(accountId, purpose, SecretTokens.sha256(token), now);
		String path = (purpose == TokenPurpose.RESET_PASSWORD) ? RESET_PASSWORD_PATH : SET_PASSWORD_PATH;
		return this.urls.absolute(path + token);
	}

	private String siteName() {
		return this.properties.siteName();
	}

}
