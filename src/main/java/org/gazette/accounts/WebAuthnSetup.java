package org.gazette.accounts;

import java.net.URI;
import java.util.Set;

import org.gazette.platform.GazetteProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's WebAuthn relying party, with keys stored in the database (so every
 * node knows them) and its identity taken from the configured public address: the relying
 * party id is its host name and the only origin allowed is its origin. A key registered
 * for one address does not work on another, by design of WebAuthn.
 */
@Configuration(proxyBeanMethods = false)
class WebAuthnSetup {

	@Bean
	UserCredentialRepository userCredentialRepository(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	@Bean
	PublicKeyCredentialUserEntityRepository publicKeyCredentialUserEntityRepository(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	PublicKeyCredentialRpEntity relyingParty(GazetteProperties properties) {
		return PublicKeyCredentialRpEntity.builder().id(rpId(properties.baseUrl())).name(properties.siteName()).build();
	}

	@Bean
	WebAuthnRelyingPartyOperations webAuthnRelyingPartyOperations(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, PublicKeyCredentialRpEntity relyingParty,
			GazetteProperties properties) {
		return new Webauthn4JRelyingPartyOperations(users, credentials, relyingParty,
				Set.of(origin(properties.baseUrl())));
	}

	static String rpId(URI base) {
		return base.getHost();
	}

	static String origin(URI base) {
		return base.getScheme() + "://" + base.getHost() + ((base.getPort() != -1) ? ":" + base.getPort() : "");
	}

}
