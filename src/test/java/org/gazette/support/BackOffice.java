package org.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP client for the back office: keeps its cookies (including Secure
 * ones, as a browser behind the site's HTTPS proxy would), sends the form token the last
 * page gave it, follows no redirects.
 */
public final class BackOffice {

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	public BackOffice(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in with email and password; returns the answer to the sign-in POST. */
	public Page signIn(String email, String password) {
		get("/admin/sign-in");
		return post("/admin/sign-in", Map.of("email", email, "password", password));
	}

	public Page get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), headers);
	}

	/** Posts a form with the current form token. */
	public Page post(String path, Map<String, String> form, String... headers) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			fields.putIfAbsent("_csrf", this.csrf);
		}
		return postRaw(path, fields, headers);
	}

	/**
	 * Posts exactly these fields, without adding the form token. A field sent more than
	 * once is given as several keys that differ after a NUL character
	 * ({@code "authorIds"}, {@code "authorIds\u00001"}); the NUL and what follows are not
	 * sent.
	 */
	public Page postRaw(String path, Map<String, String> fields, String... headers) {
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey().split("\u0000", 2)[0]) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	/**
	 * Uploads a file as the media library's form does: multipart, with the form token in
	 * the address as well as in the body.
	 */
	public Page upload(String path, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "----gazette" + Long.toHexString(System.nanoTime());
		var body = new java.io.ByteArrayOutputStream();
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.putIfAbsent("_csrf", this.csrf);
		}
		all.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String address = path
				+ ((this.csrf != null) ? (path.contains("?") ? "&" : "?") + "_csrf=" + encode(this.csrf) : "");
		return send(HttpRequest.newBuilder(URI.create(this.base + address))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Fetches a file as bytes, with its headers. */
	public HttpResponse<byte[]> bytes(String path) {
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Optional<String> cookie(String name) {
		return Optional.ofNullable(this.cookies.get(name));
	}

	public String sessionCookie() {
		return this.cookies.get("__Host-gazette-session");
	}

	public void forgetCookies() {
		this.cookies.clear();
	}

	private Page send(HttpRequest.Builder request, String... headers) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((e) -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq);
				String value = pair.substring(eq + 1);
				if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
			Page page = new Page(response);
			Element token = page.document().selectFirst("input[name=_csrf]");
			if (token != null) {
				this.csrf = token.val();
			}
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One answer, parsed on demand. */
	public static final class Page {

		private final HttpResponse<String> response;

		private Document document;

		Page(HttpResponse<String> response) {
			this.response = response;
		}

		public int status() {
			return this.response.statusCode();
		}

		public String body() {
			return this.response.body();
		}

		public Optional<String> header(String name) {
			return this.response.headers().firstValue(name);
		}

		public List<String> headers(String name) {
			return this.response.headers().allValues(name);
		}

		/** Where a redirect points, as a path. */
		public String location() {
			String location = header("Location").orElseThrow(() -> new AssertionError("No redirect: " + status()));
			return URI.create(location).getRawPath()
					+ (URI.create(location).getRawQuery() != null ? "?" + URI.create(location).getRawQuery() : "");
		}

		public Document document() {
			if (this.document == null) {
				this.document = Jsoup.parse(body(), this.response.uri().toString());
			}
			return this.document;
		}

		/** The message shown next to a form field, or empty. */
		public Optional<String> fieldError(String field) {
			return Optional.ofNullable(document().getElementById(field + "-error")).map(Element::text);
		}

	}

}
