package org.gazette.accounts;

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
 * account costs the same hashing time as a present one.
 */
@Component
public class ThrottledPasswordSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledPasswordSignIn(AccountSignIn accounts, PasswordEncoder encoder, SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
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
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(email, client);
			throw new BadCredentialsException("Bad credentials");
		}
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
