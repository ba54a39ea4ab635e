package org.gazette.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A plain HTTP client for page tests: real requests to the running application, no
 * redirects followed.
 */
public final class Http {

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final int port;

	public Http(int port) {
		this.port = port;
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, headers);
	}

	public Response send(String method, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return new Response(this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request line exactly as given, over a plain socket, for addresses that a
	 * URI library refuses to build (a lone "%", raw spaces). Returns the status code and
	 * the raw text.
	 */
	public String[] raw(String method, String target, String... headerLines) {
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
						+ String.join("", java.util.Arrays.stream(headerLines).map((h) -> h + "\r\n").toList())
						+ "\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new String[] { text.substring(9, 12), text };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A response, with its body decoded (gunzipped if need be) and parsed as HTML on
	 * demand.
	 */
	public static final class Response {

		private final HttpResponse<byte[]> response;

		Response(HttpResponse<byte[]> response) {
			this.response = response;
		}

		public int status() {
			return this.response.statusCode();
		}

		public Optional<String> header(String name) {
			return this.response.headers().firstValue(name);
		}

		/** All headers, names in lower case. */
		public java.util.Map<String, List<String>> allHeaders() {
			return this.response.headers().map();
		}

		public List<String> headers(String name) {
			return this.response.headers().allValues(name);
		}

		public byte[] rawBody() {
			return this.response.body();
		}

		public String body() {
			byte[] bytes = this.response.body();
			if ("gzip".equals(header("Content-Encoding").orElse(""))) {
				try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
					bytes = in.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public Document document() {
			return Jsoup.parse(body(), this.response.uri().toString());
		}

	}

}
