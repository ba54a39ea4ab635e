package org.gazette.platform;

import java.net.URI;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTests {

	@Test
	void allowsOnlyTheSiteItselfByDefault() {
		String policy = SecurityConfiguration.contentPolicy(properties(""));
		assertThat(policy).isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
				+ " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
				+ " frame-ancestors 'none'");
	}

	@Test
	void opensOnlyWhatTheDigitalAnalyticsProgramNeedsWhenItIsOn() {
		String policy = SecurityConfiguration.contentPolicy(properties("DHS"));
		assertThat(policy).contains("script-src 'self' https://dap.digitalgov.gov https://www.googletagmanager.com;")
			.contains("connect-src 'self' https://dap.digitalgov.gov https://www.google-analytics.com")
			.doesNotContain("unsafe-inline")
			.contains("frame-ancestors 'none'");
	}

	static GazetteProperties properties(String dapAgency) {
		return new GazetteProperties("Newsroom", "Agency", URI.create("https://www.example.gov"),
				URI.create("https://news.example.gov"), ZoneId.of("America/New_York"), false, 8,
				new GazetteProperties.Analytics(dapAgency, ""), null, "newsroom@example.gov");
	}

}
