package org.gazette.admin;

import java.util.ArrayList;
import java.util.List;

import org.gazette.accounts.SecondFactorSignIn;
import org.gazette.accounts.SignInStage;
import org.gazette.accounts.SignInThrottledException;
import org.gazette.accounts.SsoProperties;
import org.gazette.accounts.SsoSignIn;
import org.gazette.accounts.ThrottledPasswordSignIn;
import org.gazette.platform.GazetteProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may open which back-office address (docs/permissions.md lists them all), how people
 * sign in and out, and the strict headers every back-office response carries.
 */
@Configuration(proxyBeanMethods = false)
class BackOfficeSecurity {

	static final String SIGN_IN = "/admin/sign-in";

	static final String WEBAUTHN_OPTIONS = "/webauthn/authenticate/options";

	static final String WEBAUTHN_SIGN_IN = "/login/webauthn";

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
			SecondFactorSignIn secondFactors, AuthenticationEventPublisher events,
			ObjectProvider<ClientRegistrationRepository> identityProviders, SsoSignIn sso, SsoProperties ssoProperties,
			GazetteProperties properties) throws Exception {
		// Spring Security's WebAuthn sign-in answers at its own addresses; they belong to
		// the back office.
		http.securityMatcher("/admin", "/admin/**", WEBAUTHN_OPTIONS, WEBAUTHN_SIGN_IN);
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
				.successHandler((request, response, authentication) -> {
					// The provider's sign-in stands in for the password: the second step
					// follows unless the provider enforces one itself.
					Authentication next = sso.afterProvider(authentication);
					if (next != authentication) {
						SignInSteps.signIn(request, response, authentication, next);
					}
					SignInSteps.afterPassword().onAuthenticationSuccess(request, response, next);
				})
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
			.requestMatchers(SignInSteps.SECOND_FACTOR, SignInSteps.SECOND_FACTOR + "/**")
			.hasAuthority(SignInStage.SECOND_FACTOR_PENDING)
			.requestMatchers(SignInSteps.ENROL, SignInSteps.ENROL + "/**")
			.hasAuthority(SignInStage.ENROLMENT_PENDING)
			.requestMatchers("/admin/accounts", "/admin/accounts/**", "/admin/audit", "/admin/audit/**",
					"/admin/audit.csv", "/admin/redirects", "/admin/redirects/**")
			.hasRole("ADMIN")
			// Subscriber figures are a publisher's concern; whole addresses and the
			// export are for admins only (SubscribersController masks them otherwise).
			.requestMatchers("/admin/subscribers.csv")
			.hasRole("ADMIN")
			.requestMatchers("/admin/subscribers")
			.hasRole("PUBLISHER")
			// Both change a public address at once: a publisher's decision.
			.requestMatchers("/admin/articles/*/take-down", "/admin/articles/*/address")
			.hasRole("PUBLISHER")
			// Release work sends emails and exports: whoever may release may run it
			// again.
			.requestMatchers("/admin/release-work/**")
			.hasRole("PUBLISHER")
			.requestMatchers("/admin/authors", "/admin/authors/**", "/admin/topics", "/admin/topics/**")
			.hasRole("EDITOR")
			.requestMatchers(HttpMethod.POST, "/admin/media/*/delete")
			.hasRole("EDITOR")
			.anyRequest()
			.hasRole("CONTRIBUTOR"));
		http.formLogin((form) -> form.loginPage(SIGN_IN)
			.loginProcessingUrl(SIGN_IN)
			.usernameParameter("email")
			.passwordParameter("password")
			.successHandler(SignInSteps.afterPassword())
			.failureHandler(new SignInFailureHandler()));
		// Security keys and passkeys only complete a password sign-in or confirm a
		// change: our provider replaces Spring Security's, which would sign in with
		// the key alone. Keys are registered from the account pages, not Spring's.
		ProviderManager keys = new ProviderManager(secondFactors);
		http.webAuthn((webAuthn) -> webAuthn.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(keys);
					filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
					filter.setAuthenticationSuccessHandler(SignInSteps.securityKeyAccepted());
					filter.setAuthenticationFailureHandler((request, response, failure) -> SignInSteps.json(response,
							(failure instanceof SignInThrottledException) ? 429 : 401, "{\"authenticated\":false}"));
					return filter;
				}
			}));
		// A story saved after the session ended fails its form-token check; instead of a
		// dead end, the writer is sent to sign in and back to the editor, where the text
		// their browser kept is offered again (see static/js/storyEditor.js). Anyone
		// between sign-in steps is sent back to their step.
		http.exceptionHandling((exceptions) -> exceptions
			.accessDeniedHandler(new EditorSessionEnded(SignInSteps.sendToPendingStep())));
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
