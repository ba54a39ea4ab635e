package org.gazette.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Addresses of single sign-on, all under {@code /admin/sign-in} so that the back office's
 * security rules cover them.
 */
public final class SingleSignOn {

	/** {@code START/{registrationId}} sends the person to the identity provider. */
	static final String START = "/admin/sign-in/sso";

	/** {@code CALLBACK/{registrationId}} is where the provider sends them back. */
	static final String CALLBACK = "/admin/sign-in/sso/callback";

	private SingleSignOn() {
	}

	/**
	 * Starts sign-ins at {@link #START} and gives the provider a return address built
	 * from the configured base URL, never from the request's Host header.
	 */
	static OAuth2AuthorizationRequestResolver requestResolver(ClientRegistrationRepository registrations, URI baseUrl,
			String acrValues) {
		String base = baseUrl.toString().replaceAll("/+$", "");
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, START);
		resolver.setAuthorizationRequestCustomizer((request) -> {
			String[] id = new String[1];
			request.attributes((attributes) -> id[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
			request.redirectUri(base + CALLBACK + "/" + id[0]);
			if (!acrValues.isBlank()) {
				request.additionalParameters((parameters) -> parameters.put("acr_values", acrValues));
			}
		});
		return resolver;
	}

	/** The sign-in buttons: one per configured provider. */
	static List<Link> links(ClientRegistrationRepository registrations, String label) {
		List<Link> links = new ArrayList<>();
		if (registrations instanceof Iterable<?> all) {
			for (Object each : all) {
				ClientRegistration registration = (ClientRegistration) each;
				links.add(new Link(START + "/" + registration.getRegistrationId(), label));
			}
		}
		return links;
	}

	/**
	 * A sign-in button.
	 *
	 * @param href where it starts the sign-in
	 * @param label what it says
	 */
	public record Link(String href, String label) {
	}

}
