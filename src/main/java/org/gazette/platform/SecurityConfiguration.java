package org.gazette.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Safe defaults for every response: a strict Content-Security-Policy (no inline script or
 * style), no framing, no sniffing, a privacy-keeping referrer policy, and HSTS over
 * HTTPS. The back office has its own, stricter chain (see the admin module); this one
 * serves everything else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, GazetteProperties properties) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/actuator/**").denyAll().anyRequest().permitAll());
		http.headers(
				(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentPolicy(properties)))
					.referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY))
					.frameOptions((frames) -> frames.deny())
					.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY))
					// Public pages set their own caching (revalidate with ETag); see
					// PublicResponses.
					.cacheControl((cache) -> cache.disable()));
		// RFC 8058: a mail program posts the one-click unsubscribe with no session and no
		// form token; the secret token in the address is what authorizes it.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/subscriptions/one-click/**"));
		http.requestCache((cache) -> cache.disable());
		http.securityContext((context) -> context.requireExplicitSave(true));
		return http.build();
	}

	static String contentPolicy(GazetteProperties properties) {
		String analyticsScript = properties.analytics().enabled()
				? " https://dap.digitalgov.gov https://www.googletagmanager.com" : "";
		String analyticsConnect = properties.analytics().enabled()
				? " https://dap.digitalgov.gov https://www.google-analytics.com https://*.google-analytics.com"
						+ " https://*.analytics.google.com https://www.googletagmanager.com"
				: "";
		return "default-src 'self'; script-src 'self'" + analyticsScript + "; style-src 'self'; img-src 'self' data:"
				+ (properties.analytics().enabled() ? " https://www.google-analytics.com" : "")
				+ "; font-src 'self'; connect-src 'self'" + analyticsConnect
				+ "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

}
