package org.gazette.accounts;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How single sign-on by OpenID Connect maps people to accounts. The identity provider
 * itself is configured with Spring's standard
 * {@code spring.security.oauth2.client.registration.*} and {@code ...provider.*}
 * properties; SSO is on when a registration exists.
 *
 * @param label what the sign-in button says, such as "Sign in with Login.gov"
 * @param roleClaim the ID token claim that carries the person's role or groups (a string
 * or a list of strings), or empty when the provider sends none (Login.gov): roles are
 * then the ones admins give in Gazette
 * @param roles claim value to role, such as {@code newsroom-editors: editor}; when
 * several values match, the strongest role wins
 * @param createAccounts whether a person with a mapped role but no account gets one on
 * first sign-in; otherwise an admin must invite them first
 * @param requireVerifiedEmail refuse ID tokens whose {@code email_verified} is not true
 * @param providesMfa whether the provider enforces multi-factor sign-in itself (Login.gov
 * does), so Gazette does not ask for a second factor again
 * @param acrValues the {@code acr_values} to ask for, when the provider needs them
 * (Login.gov: {@code urn:acr.login.gov:auth-only} or an IAL level), or empty
 */
@ConfigurationProperties("gazette.sso")
public record SsoProperties(@DefaultValue("Sign in with single sign-on") String label,
		@DefaultValue("") String roleClaim, Map<String, Role> roles, @DefaultValue("false") boolean createAccounts,
		@DefaultValue("true") boolean requireVerifiedEmail, @DefaultValue("false") boolean providesMfa,
		@DefaultValue("") String acrValues) {

	public SsoProperties {
		roles = (roles != null) ? Map.copyOf(roles) : Map.of();
	}

}
