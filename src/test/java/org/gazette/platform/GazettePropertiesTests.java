package org.gazette.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GazettePropertiesTests {

	@Test
	void requiredIdentifierLinksDefaultToPathsOnTheAgencySite() {
		GazetteProperties properties = ContentSecurityPolicyTests.properties("");
		assertThat(properties.identifierLinks()).extracting(GazetteProperties.IdentifierLink::label)
			.containsExactly("About", "Accessibility statement", "FOIA requests", "No FEAR Act data",
					"Office of the Inspector General", "Performance reports", "Privacy policy");
		assertThat(properties.identifierLinks().get(2).url()).hasToString("https://www.example.gov/foia");
		assertThat(properties.analytics().enabled()).isFalse();
	}

}
