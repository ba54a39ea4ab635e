package org.gazette.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect issuer for tests: discovery, an authorization endpoint that
 * signs in whoever the test chose (no login form), a token endpoint issuing RS256-signed
 * ID tokens with the request's nonce, and the key set to check them.
 */
public final class StubIdentityProvider {

	private final HttpServer server;

	private final RSAKey key;

	private final String issuer;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private volatile Map<String, Object> person = Map.of();

	public StubIdentityProvider() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.issuer = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.server.createContext("/.well-known/openid-configuration", this::discovery);
		this.server.createContext("/authorize", this::authorize);
		this.server.createContext("/token", this::token);
		this.server.createContext("/jwks",
				(exchange) -> send(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.start();
	}

	public String issuer() {
		return this.issuer;
	}

	public void stop() {
		this.server.stop(0);
	}

	/** Who the next sign-in will be: ID token claims such as email and groups. */
	public void signInAs(Map<String, Object> claims) {
		this.person = Map.copyOf(claims);
	}

	private void discovery(HttpExchange exchange) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", this.issuer);
		document.put("authorization_endpoint", this.issuer + "/authorize");
		document.put("token_endpoint", this.issuer + "/token");
		document.put("jwks_uri", this.issuer + "/jwks");
		document.put("response_types_supported", List.of("code"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("scopes_supported", List.of("openid", "email", "profile"));
		document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		send(exchange, 200, JSONObjectUtils.toJSONString(document));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
		String code = UUID.randomUUID().toString();
		this.codes.put(code,
				new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("nonce"), this.person));
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		send(exchange, 302, "");
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = this.codes.remove(form.getOrDefault("code", ""));
		if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
			send(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		try {
			Instant now = Instant.now();
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
				.subject(String.valueOf(grant.claims().getOrDefault("email", "anonymous")))
				.audience(grant.clientId())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(300)))
				.claim("nonce", grant.nonce());
			grant.claims().forEach(claims::claim);
			SignedJWT token = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(), claims.build());
			token.sign(new RSASSASigner(this.key));
			Map<String, Object> answer = new HashMap<>();
			answer.put("access_token", UUID.randomUUID().toString());
			answer.put("token_type", "Bearer");
			answer.put("expires_in", 300);
			answer.put("scope", "openid email profile");
			answer.put("id_token", token.serialize());
			send(exchange, 200, JSONObjectUtils.toJSONString(answer));
		}
		catch (JOSEException ex) {
			send(exchange, 500, "{\"error\":\"server_error\"}");
		}
	}

	/** The authorization endpoint's answer for a sign-in started at this address. */
	public URI authorize(URI authorizationRequest) {
		try {
			var client = java.net.http.HttpClient.newBuilder()
				.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
				.build();
			var response = client.send(java.net.http.HttpRequest.newBuilder(authorizationRequest).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
			return URI.create(response.headers().firstValue("Location").orElseThrow());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> values = new HashMap<>();
		if (query == null) {
			return values;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (status == 302) ? -1 : bytes.length);
		if (status != 302) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	private record Grant(String clientId, String redirectUri, String nonce, Map<String, Object> claims) {
	}

}
