package org.gazette.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of signing in, and re-authentication before sensitive changes: checks a
 * code from an authenticator app, a recovery code or a security key (as Spring Security's
 * WebAuthn filter's provider), behind the same throttle as passwords, and audits every
 * success and failure. A security key only ever completes a password sign-in; it never
 * replaces the password.
 */
@Component
public class SecondFactorSignIn implements AuthenticationProvider {

	private final SecondFactorRepository factors;

	private final AccountRepository accounts;

	private final TotpSecrets secrets;

	private final SignInThrottle throttle;

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	SecondFactorSignIn(SecondFactorRepository factors, AccountRepository accounts, TotpSecrets secrets,
			SignInThrottle throttle, WebAuthnRelyingPartyOperations relyingParty, PasswordEncoder passwords,
			AuditLog audit, Clock clock) {
		this.factors = factors;
		this.accounts = accounts;
		this.secrets = secrets;
		this.throttle = throttle;
		this.relyingParty = relyingParty;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks a code from the person's authenticator app.
	 * @return the authentication with the factor proved now
	 * @throws InvalidAccountException with a message for the {@code code} field
	 * @throws SignInThrottledException after too many failures
	 */
	@Transactional
	public Authentication withAuthenticatorCode(Authentication current, String code, String client) {
		SignedInUser user = requireUser(current);
		checkThrottle(user, client);
		String problem = SecondFactors.codeProblem(code);
		if (problem != null) {
			throw new InvalidAccountException(Map.of("code", problem));
		}
		Optional<SecondFactorRepository.StoredTotp> totp = this.factors.totp(user.accountId());
		Instant now = this.clock.instant();
		OptionalLong step = totp.isPresent()
				? Totp.matchingStep(this.secrets.open(totp.get().sealedSecret()), code, now, totp.get().lastTimeStep())
				: OptionalLong.empty();
		if (step.isEmpty() || !this.factors.useTotpStep(user.accountId(), step.getAsLong())) {
			failed(user, "authenticator app", client);
			throw new InvalidAccountException(Map.of("code", "That code is not right, or was already used. Type the"
					+ " code your app shows now; if it just changed, wait for the next one."));
		}
		return succeeded(current, SignInStage.TOTP, "authenticator app", client);
	}

	/** Checks and spends a recovery code. */
	@Transactional
	public Authentication withRecoveryCode(Authentication current, String code, String client) {
		SignedInUser user = requireUser(current);
		checkThrottle(user, client);
		if (code == null || code.isBlank()) {
			throw new InvalidAccountException(Map.of("recoveryCode", "Enter one of your recovery codes."));
		}
		if (!RecoveryCodes.looksLikeCode(code)) {
			throw new InvalidAccountException(
					Map.of("recoveryCode", "Enter a recovery code as you saved it, like 7KQM-4XRD-P2WH."));
		}
		if (!this.factors.useRecoveryCode(user.accountId(), RecoveryCodes.hash(code), this.clock.instant())) {
			failed(user, "recovery code", client);
			throw new InvalidAccountException(Map.of("recoveryCode",
					"That recovery code is not right, or was already used. Each code works once."));
		}
		int left = this.factors.unusedRecoveryCodes(user.accountId());
		return succeeded(current, SignInStage.RECOVERY_CODE, "recovery code, " + left + " left", client);
	}

	/**
	 * Asks for the password again before a sensitive change.
	 * @throws InvalidAccountException with a message for the {@code password} field
	 */
	@Transactional
	public Authentication withPassword(Authentication current, String password, String client) {
		SignedInUser user = requireUser(current);
		Optional<Duration> wait = this.throttle.waitFor(user.email(), client);
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		boolean right = password != null && password.length() <= 1024 && this.accounts.credentials(user.email())
			.map((found) -> found.passwordHash() != null && this.passwords.matches(password, found.passwordHash()))
			.orElse(false);
		if (!right) {
			this.throttle.failed(user.email(), client);
			this.audit.recordAlone(new AuditRecord(user.email(), "account.reauthentication-failed", "account",
					Long.toString(user.accountId()), "wrong password", client));
			throw new InvalidAccountException(Map.of("password", "That is not your current password."));
		}
		this.throttle.succeeded(user.email());
		return SignInStage.proved(current, SignInStage.PASSWORD, this.clock.instant());
	}

	/**
	 * Whether the person proved their password, and their second factor if they have one,
	 * in the last {@link SignInStage#REAUTHENTICATION}.
	 */
	@Transactional(readOnly = true)
	public boolean recentlyConfirmed(Authentication current) {
		SignedInUser user = SignInStage.user(current);
		if (user == null || !SignInStage.isComplete(current)) {
			return false;
		}
		Instant since = this.clock.instant().minus(SignInStage.REAUTHENTICATION);
		Instant password = SignInStage.provedAt(current, SignInStage.PASSWORD);
		if (password == null || password.isBefore(since)) {
			return false;
		}
		if (!hasFactor(user)) {
			return true;
		}
		Instant factor = SignInStage.secondFactorAt(current);
		return factor != null && !factor.isBefore(since);
	}

	/**
	 * Whether the person must still prove their password (as opposed to only a factor).
	 */
	public boolean passwordConfirmed(Authentication current) {
		Instant password = SignInStage.provedAt(current, SignInStage.PASSWORD);
		return password != null && !password.isBefore(this.clock.instant().minus(SignInStage.REAUTHENTICATION));
	}

	@Transactional(readOnly = true)
	public boolean hasFactor(SignedInUser user) {
		return this.factors.totp(user.accountId()).isPresent() || this.factors.securityKeys(user.email()) > 0;
	}

	/**
	 * The same sign-in with the account as it is now in the database (after a change of
	 * address), keeping the factors proved.
	 */
	@Transactional(readOnly = true)
	public Authentication refreshed(Authentication current) {
		SignedInUser user = requireUser(current);
		Account account = this.accounts.find(user.accountId()).orElseThrow();
		java.util.List<org.springframework.security.core.GrantedAuthority> factors = current.getAuthorities()
			.stream()
			.filter((
					authority) -> authority instanceof org.springframework.security.core.authority.FactorGrantedAuthority)
			.map((authority) -> (org.springframework.security.core.GrantedAuthority) authority)
			.toList();
		return SignInStage.complete(new SignedInUser(account, null), factors, current.getDetails());
	}

	/** The person finished setting up a factor they had to have: they are signed in. */
	public Authentication enrolled(Authentication current, String factor) {
		return SignInStage.proved(current, factor, this.clock.instant());
	}

	/** Spring Security's WebAuthn filter hands us the browser's signed assertion. */
	@Override
	@Transactional
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SignedInUser user = SignInStage.user(current);
		if (user == null || SignInStage.awaitsEnrolment(current)) {
			throw new BadCredentialsException("A security key completes a password sign-in; it does not start one");
		}
		String client = (current.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		checkThrottle(user, client);
		PublicKeyCredentialUserEntity owner;
		try {
			owner = this.relyingParty
				.authenticate(((WebAuthnAuthenticationRequestToken) authentication).getWebAuthnRequest());
		}
		catch (RuntimeException ex) {
			failed(user, "security key", client);
			throw new BadCredentialsException("The security key's answer was not right", ex);
		}
		if (!user.email().equals(owner.getName())) {
			failed(user, "security key of another account", client);
			throw new BadCredentialsException("That security key belongs to another account");
		}
		return succeeded(current, SignInStage.WEBAUTHN, "security key", client);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

	private void checkThrottle(SignedInUser user, String client) {
		Optional<Duration> wait = this.throttle.waitForSecondFactor(user.email(), client);
		if (wait.isPresent()) {
			this.audit.recordAlone(new AuditRecord(user.email(), "mfa.failed", "account",
					Long.toString(user.accountId()), "throttled", client));
			throw new SignInThrottledException(wait.get());
		}
	}

	private void failed(SignedInUser user, String factor, String client) {
		this.throttle.secondFactorFailed(user.email(), client);
		this.audit.recordAlone(new AuditRecord(user.email(), "mfa.failed", "account", Long.toString(user.accountId()),
				factor, client));
	}

	private Authentication succeeded(Authentication current, String factor, String description, String client) {
		SignedInUser user = SignInStage.user(current);
		this.throttle.secondFactorSucceeded(user.email());
		String when = SignInStage.isComplete(current) ? "to confirm a change" : "at sign-in";
		this.audit.record(new AuditRecord(user.email(), "mfa.used", "account", Long.toString(user.accountId()),
				description + " " + when, client));
		return SignInStage.proved(current, factor, this.clock.instant());
	}

	private static SignedInUser requireUser(Authentication current) {
		SignedInUser user = SignInStage.user(current);
		if (user == null) {
			throw new BadCredentialsException("Not signed in");
		}
		return user;
	}

}
