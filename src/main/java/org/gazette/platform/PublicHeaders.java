package org.gazette.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * The security headers every response carries, for the one path that answers before
 * Spring Security runs (cached public pages). They mirror {@link SecurityConfiguration},
 * and a test compares a cached answer's headers with a rendered one's.
 */
@Component
public class PublicHeaders {

	private final String contentSecurityPolicy;

	PublicHeaders(GazetteProperties properties) {
		this.contentSecurityPolicy = SecurityConfiguration.contentPolicy(properties);
	}

	public void apply(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		response.setHeader("Referrer-Policy", SecurityConfiguration.REFERRER_POLICY.getPolicy());
		response.setHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

}
