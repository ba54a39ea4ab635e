package org.gazette.accounts;

import java.time.Duration;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Registers security keys and passkeys through Spring Security's relying party. Its
 * creation options are not serializable, so the session keeps only the challenge and user
 * handle, and the options are rebuilt from them (with the same settings) for the check.
 */
@Component
class SecurityKeyRegistration {

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	/** The longest credential a browser sends us; real ones are a few kilobytes. */
	private static final int MAX_JSON = 64 * 1024;

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final PublicKeyCredentialRpEntity rp;

	SecurityKeyRegistration(WebAuthnRelyingPartyOperations relyingParty, PublicKeyCredentialRpEntity rp) {
		this.relyingParty = relyingParty;
		this.rp = rp;
	}

	SecurityKeyChallenge start(String email) {
		var authentication = UsernamePasswordAuthenticationToken.authenticated(email, null, java.util.List.of());
		PublicKeyCredentialCreationOptions options = this.relyingParty.createPublicKeyCredentialCreationOptions(
				new ImmutablePublicKeyCredentialCreationOptionsRequest(authentication));
		return new SecurityKeyChallenge(JSON.writeValueAsString(options), options.getChallenge().toBase64UrlString(),
				options.getUser().getId().toBase64UrlString());
	}

	void finish(String email, SecurityKeyChallenge started, String credentialJson, String name) {
		if (started == null || credentialJson == null || credentialJson.isBlank()
				|| credentialJson.length() > MAX_JSON) {
			throw refused();
		}
		PublicKeyCredential<AuthenticatorAttestationResponse> credential;
		try {
			credential = JSON.readValue(credentialJson,
					new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {
					});
		}
		catch (RuntimeException ex) {
			throw refused();
		}
		PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
			.attestation(AttestationConveyancePreference.NONE)
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.PREFERRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.challenge(Bytes.fromBase64(started.challenge()))
			.timeout(Duration.ofMinutes(5))
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.fromBase64(started.userId()))
				.name(email)
				.displayName(email)
				.build())
			.rp(this.rp)
			.build();
		try {
			this.relyingParty.registerCredential(
					new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(credential, name)));
		}
		catch (RuntimeException ex) {
			throw refused();
		}
	}

	private static InvalidAccountException refused() {
		return new InvalidAccountException(Map.of("name",
				"The key could not be added. Try again, and follow what your browser or key asks you to do."));
	}

}
