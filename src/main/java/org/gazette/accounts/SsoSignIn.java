package org.gazette.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a verified ID token into a Gazette account: by its verified email address, with
 * the role its claim maps to when the provider sends one.
 */
@Component
public class SsoSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final Accounts accounts;

	private final SsoProperties properties;

	private final SecondFactors factors;

	private final AccountsProperties accountsProperties;

	private final Clock clock;

	SsoSignIn(Accounts accounts, SsoProperties properties, SecondFactors factors, AccountsProperties accountsProperties,
			Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.factors = factors;
		this.accountsProperties = accountsProperties;
		this.clock = clock;
	}

	/**
	 * What a sign-in through the provider leads to: a complete sign-in when the provider
	 * enforces multi-factor sign-in itself, otherwise the same second step a password
	 * sign-in gets (the person's own factor, or setting one up when their role needs it).
	 */
	public Authentication afterProvider(Authentication signedIn) {
		if (this.properties.providesMfa() || !(signedIn.getPrincipal() instanceof SsoUser user)) {
			return signedIn;
		}
		Instant now = this.clock.instant();
		if (this.factors.hasFactor(user.accountId())) {
			return SignInStage.pending(user, SignInStage.SECOND_FACTOR_PENDING, now, signedIn.getDetails());
		}
		if (this.accountsProperties.requiresMfa(user.role())) {
			return SignInStage.pending(user, SignInStage.ENROLMENT_PENDING, now, signedIn.getDetails());
		}
		return signedIn;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = this.provider.loadUser(request);
		String email = AccountForms.normaliseEmail(person.getEmail());
		if (email.isEmpty()) {
			throw refused("no-email", "The identity provider sent no email address.");
		}
		if (this.properties.requireVerifiedEmail() && !Boolean.TRUE.equals(person.getEmailVerified())) {
			throw refused("email-unverified", "The identity provider has not verified this email address.");
		}
		String name = Optional.ofNullable(person.getFullName()).filter((n) -> !n.isBlank()).orElse(email);
		Account account = this.accounts
			.signInBySso(email, name, mappedRole(person), this.properties.createAccounts(),
					request.getClientRegistration().getRegistrationId())
			.orElseThrow(() -> refused("no-account", "There is no enabled account for this address."));
		return new SsoUser(account, person.getIdToken());
	}

	/** The strongest role the role claim maps to, if any. */
	Optional<Role> mappedRole(OidcUser person) {
		if (this.properties.roleClaim().isBlank()) {
			return Optional.empty();
		}
		Object claim = person.getClaims().get(this.properties.roleClaim());
		List<Object> values = (claim instanceof Collection<?> many) ? List.copyOf(many)
				: (claim != null) ? List.of(claim) : List.of();
		return values.stream()
			.map(Object::toString)
			.map(this.properties.roles()::get)
			.filter(java.util.Objects::nonNull)
			.max(Enum::compareTo);
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
