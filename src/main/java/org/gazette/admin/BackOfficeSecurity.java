package org.gazette.admin;

import org.gazette.accounts.ThrottledPasswordSignIn;
import org.gazette.platform.GazetteProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
			AuthenticationEventPublisher events) throws Exception {
		http.securityMatcher("/admin", "/admin/**");
		// Only this provider, with no parent to fall back on: a failure is tried (and
		// counted by the throttle) once.
		ProviderManager signIn = new ProviderManager(passwords);
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
