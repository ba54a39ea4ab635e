package org.gazette.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in, behind the throttle. Every failure (unknown address,
 * disabled account, no password yet, wrong password) gives the same answer, and a missing
 * account costs the same hashing time as a present one. The password alone gives the
 * back-office roles only to accounts without a second factor (see {@link SignInStage}).
 */
@Component
public class ThrottledPasswordSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final SecondFactorRepository factors;

	private final AccountsProperties properties;

	private final Clock clock;

	ThrottledPasswordSignIn(AccountSignIn accounts, PasswordEncoder encoder, SignInThrottle throttle,
			SecondFactorRepository factors, AccountsProperties properties, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		this.factors = factors;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = AccountForms.normaliseEmail(authentication.getName());
		String client = clientOf(authentication);
		Optional<java.time.Duration> wait = this.throttle.waitFor(email, client);
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(email);
			return afterPassword((SignedInUser) result.getPrincipal(), result.getDetails());
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(email, client);
			throw new BadCredentialsException("Bad credentials");
		}
	}

	/**
	 * Someone with a second factor gets no back-office role until they prove it; someone
	 * whose role needs one and who has none must set one up first.
	 */
	private Authentication afterPassword(SignedInUser user, Object details) {
		Instant now = this.clock.instant();
		boolean hasFactor = this.factors.totp(user.accountId()).isPresent()
				|| this.factors.securityKeys(user.email()) > 0;
		if (hasFactor) {
			return SignInStage.pending(user, SignInStage.SECOND_FACTOR_PENDING, now, details);
		}
		if (this.properties.requiresMfa(user.role())) {
			return SignInStage.pending(user, SignInStage.ENROLMENT_PENDING, now, details);
		}
		return SignInStage.complete(user, List.of(SignInStage.factor(SignInStage.PASSWORD, now)), details);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientOf(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
