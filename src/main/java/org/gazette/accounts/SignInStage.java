package org.gazette.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Where a person is in signing in, read from their authorities. After the password,
 * someone with a second factor holds only {@link #SECOND_FACTOR_PENDING} (and someone who
 * must set one up, {@link #ENROLMENT_PENDING}); the back-office roles come only with the
 * second factor. Each factor is a {@link FactorGrantedAuthority} stamped with when it was
 * proved, which is how a recent re-authentication is recognised.
 */
public final class SignInStage {

	/** Password accepted; the second factor is still to come. */
	public static final String SECOND_FACTOR_PENDING = "SIGN_IN_SECOND_FACTOR";

	/** Password accepted; the person must set up a second factor before anything else. */
	public static final String ENROLMENT_PENDING = "SIGN_IN_ENROL";

	public static final String TOTP = "FACTOR_TOTP";

	public static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

	public static final String WEBAUTHN = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	public static final String PASSWORD = FactorGrantedAuthority.PASSWORD_AUTHORITY;

	/** How long a re-authentication allows changes to email, password and factors. */
	public static final Duration REAUTHENTICATION = Duration.ofMinutes(10);

	private SignInStage() {
	}

	/** Whether this is someone fully signed in to the back office. */
	public static boolean isComplete(Authentication authentication) {
		return user(authentication) != null && has(authentication, Role.CONTRIBUTOR.authority());
	}

	public static boolean awaitsSecondFactor(Authentication authentication) {
		return user(authentication) != null && has(authentication, SECOND_FACTOR_PENDING);
	}

	public static boolean awaitsEnrolment(Authentication authentication) {
		return user(authentication) != null && has(authentication, ENROLMENT_PENDING);
	}

	/** The person behind this authentication, at any stage, or null. */
	public static SignedInUser user(Authentication authentication) {
		return (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof SignedInUser user) ? user : null;
	}

	/** When this factor was last proved in this session, or null. */
	public static Instant provedAt(Authentication authentication, String factor) {
		Instant latest = null;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority proved && proved.getAuthority().equals(factor)
					&& (latest == null || proved.getIssuedAt().isAfter(latest))) {
				latest = proved.getIssuedAt();
			}
		}
		return latest;
	}

	/** The most recent proof of any second factor, or null. */
	static Instant secondFactorAt(Authentication authentication) {
		Instant latest = null;
		for (String factor : List.of(TOTP, RECOVERY_CODE, WEBAUTHN)) {
			Instant at = provedAt(authentication, factor);
			if (at != null && (latest == null || at.isAfter(latest))) {
				latest = at;
			}
		}
		return latest;
	}

	static Authentication pending(SignedInUser user, String stage, Instant now, Object details) {
		List<GrantedAuthority> authorities = List.of(factor(PASSWORD, now), new SimpleGrantedAuthority(stage));
		return withDetails(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities), details);
	}

	static Authentication complete(SignedInUser user, Collection<? extends GrantedAuthority> factors, Object details) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.addAll(factors);
		return withDetails(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities), details);
	}

	/**
	 * The same person and stage with this factor proved now; a pending sign-in becomes
	 * complete.
	 */
	static Authentication proved(Authentication current, String factor, Instant now) {
		SignedInUser user = user(current);
		List<GrantedAuthority> factors = new ArrayList<>();
		for (GrantedAuthority authority : current.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority proved && !proved.getAuthority().equals(factor)) {
				factors.add(proved);
			}
		}
		factors.add(factor(factor, now));
		if (has(current, ENROLMENT_PENDING) && !factor.equals(PASSWORD)) {
			return complete(user, factors, current.getDetails());
		}
		if (has(current, SECOND_FACTOR_PENDING)) {
			return factor.equals(PASSWORD) ? pending(user, SECOND_FACTOR_PENDING, now, current.getDetails())
					: complete(user, factors, current.getDetails());
		}
		return complete(user, factors, current.getDetails());
	}

	static FactorGrantedAuthority factor(String authority, Instant at) {
		return FactorGrantedAuthority.withAuthority(authority).issuedAt(at).build();
	}

	private static Authentication withDetails(UsernamePasswordAuthenticationToken token, Object details) {
		token.setDetails(details);
		return token;
	}

	private static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

}
