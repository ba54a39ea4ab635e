package org.gazette.admin;

import java.util.ArrayList;
import java.util.List;

import org.gazette.accounts.SsoProperties;
import org.gazette.accounts.SsoSignIn;
import org.gazette.accounts.ThrottledPasswordSignIn;
import org.gazette.platform.GazetteProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may open which back-office address (docs/permissions.md lists them all), how people
 * sign in and out, and the strict headers every back-office response carries.
 */
@Configuration(proxyBeanMethods = false)
class BackOfficeSecurity {

	static final String SIGN_IN = "/admin/sign-in";

	/**
	 * No inline script or style, nothing from elsewhere, no framing. The back office
	 * loads no analytics.
	 */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain backOffice(HttpSecurity http, ThrottledPasswordSignIn passwords,
			AuthenticationEventPublisher events, ObjectProvider<ClientRegistrationRepository> identityProviders,
			SsoSignIn sso, SsoProperties ssoProperties, GazetteProperties properties) throws Exception {
		http.securityMatcher("/admin", "/admin/**");
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(passwords));
		ClientRegistrationRepository registrations = identityProviders.getIfAvailable();
		if (registrations != null) {
			providers.add(new OidcAuthorizationCodeAuthenticationProvider(
					new RestClientAuthorizationCodeTokenResponseClient(), sso));
			http.oauth2Login((login) -> login.loginPage(SIGN_IN)
				.authorizationEndpoint((start) -> start.authorizationRequestResolver(
						SingleSignOn.requestResolver(registrations, properties.baseUrl(), ssoProperties.acrValues())))
				.redirectionEndpoint((callback) -> callback.baseUri(SingleSignOn.CALLBACK + "/*"))
				.userInfoEndpoint((user) -> user.oidcUserService(sso))
				.defaultSuccessUrl("/admin", false)
				.failureUrl(SIGN_IN + "?sso-failed"));
		}
		// Only these providers, with no parent to fall back on: a failure is tried (and
		// counted by the throttle) once.
		ProviderManager signIn = new ProviderManager(providers);
		signIn.setAuthenticationEventPublisher(events);
		http.authenticationManager(signIn);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(SIGN_IN, SIGN_IN + "/**", "/admin/set-password/**", "/admin/reset-password",
					"/admin/reset-password/**")
			.permitAll()
			.requestMatchers("/admin/accounts", "/admin/accounts/**", "/admin/audit", "/admin/audit/**",
					"/admin/audit.csv")
			.hasRole("ADMIN")
			.requestMatchers("/admin/authors", "/admin/authors/**", "/admin/topics", "/admin/topics/**")
			.hasRole("EDITOR")
			.anyRequest()
			.hasRole("CONTRIBUTOR"));
		http.formLogin((form) -> form.loginPage(SIGN_IN)
			.loginProcessingUrl(SIGN_IN)
			.usernameParameter("email")
			.passwordParameter("password")
			.defaultSuccessUrl("/admin", false)
			.failureHandler(new SignInFailureHandler()));
		// A story saved after the session ended fails its form-token check; instead of a
		// dead end, the writer is sent to sign in and back to the editor, where the text
		// their browser kept is offered again (see static/js/storyEditor.js).
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new EditorSessionEnded()));
		http.logout((logout) -> logout.logoutUrl("/admin/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out"));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	/**
	 * The session cookie: {@code __Host-} prefixed and Secure when the site is on HTTPS
	 * (browsers refuse such cookies over plain HTTP, as on a developer's machine).
	 */
	@Bean
	CookieSerializer sessionCookie(GazetteProperties properties) {
		boolean secure = "https".equalsIgnoreCase(properties.baseUrl().getScheme());
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(secure ? "__Host-gazette-session" : "gazette-session");
		cookie.setUseSecureCookie(secure);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setCookiePath("/");
		return cookie;
	}

}
