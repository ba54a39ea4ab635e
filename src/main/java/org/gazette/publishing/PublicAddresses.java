package org.gazette.publishing;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.gazette.content.InvalidContentException.Problem;

import org.springframework.web.util.UriUtils;

/**
 * The addresses a redirect may start from and go to. A destination is a path on this site
 * or an http(s) address, printable ASCII only (so it is safe in a Location header), never
 * {@code javascript:} or a protocol-relative {@code //host}. A redirect's own path is
 * normalised (decoded, single slashes, no trailing slash) the same way for what an admin
 * types and for what a reader's request asks, so the two meet on one indexed column.
 */
final class PublicAddresses {

	static final int DESTINATION_MAX = 2000;

	static final int PATH_MAX = 500;

	/**
	 * First path segments Gazette answers itself (pages, channels, assets, the back
	 * office): a redirect there would never be used, or would shadow what it serves.
	 */
	static final Set<String> RESERVED = Set.of("admin", "api", "assets", "uswds", "css", "js", "media", "feeds",
			"sitemaps", "webauthn", "login", "logout", "error", "actuator", "oauth2");

	/** Whole paths Gazette answers itself. */
	static final Set<String> RESERVED_PATHS = Set.of("/news", "/search", "/sitemap.xml", "/robots.txt");

	private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

	private static final Pattern UNSAFE_IN_PATH = Pattern.compile("[\\p{Cc}\\s\\\\]");

	private PublicAddresses() {
	}

	/**
	 * A redirect's destination, trimmed, or null with a problem added.
	 * @param label how the form names the field, such as "Redirect to"
	 */
	static String checkDestination(String value, String field, String label, List<Problem> problems) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			problems.add(new Problem(field, label + " is required."));
			return null;
		}
		if (text.length() > DESTINATION_MAX) {
			problems.add(new Problem(field, label + " is longer than " + DESTINATION_MAX + " characters."));
			return null;
		}
		String wrong = label + " must be a page on this site starting with / (as in /news/new-lanes-open)"
				+ " or a full address starting with https:// or http://.";
		if (!PRINTABLE.matcher(text).matches() || text.indexOf('\\') >= 0) {
			problems.add(new Problem(field, label
					+ " must not contain spaces or special characters; write them %-encoded, as a browser's address bar shows them."));
			return null;
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			problems.add(new Problem(field, wrong));
			return null;
		}
		if (text.startsWith("/")) {
			// "//host/path" is another site to a browser.
			if (text.startsWith("//") || uri.getScheme() != null || uri.getAuthority() != null) {
				problems.add(new Problem(field, wrong));
				return null;
			}
			return text;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null || uri.getHost().isBlank()) {
			problems.add(new Problem(field, wrong));
			return null;
		}
		if (uri.getRawUserInfo() != null) {
			problems.add(new Problem(field, label + " must not contain a user name or password."));
			return null;
		}
		return text;
	}

	/** A path an admin typed for a redirect, normalised, or null with a problem added. */
	static String checkRedirectPath(String value, String field, List<Problem> problems) {
		String text = (value != null) ? value.strip() : "";
		String problem = pathProblem(text);
		if (problem == null) {
			String normal = normalise(text);
			if (normal == null) {
				problem = "The path has a broken %-escape; copy it again from the old address.";
			}
			else if (normal.length() > PATH_MAX) {
				problem = "The path is longer than " + PATH_MAX + " characters.";
			}
			else if (normal.equals("/")) {
				problem = "The home page cannot be redirected.";
			}
			else if (reserved(normal)) {
				problem = "Gazette itself answers at " + normal
						+ "; addresses under /admin, /api, /feeds, /sitemaps and its files cannot be redirected.";
			}
			else if (UNSAFE_IN_PATH.matcher(normal).find()) {
				problem = "The path must not contain spaces, control characters or backslashes.";
			}
			else if (List.of(normal.split("/")).stream().anyMatch((s) -> s.equals(".") || s.equals(".."))) {
				problem = "The path must not contain . or .. parts.";
			}
			else {
				return normal;
			}
		}
		problems.add(new Problem(field, problem));
		return null;
	}

	/**
	 * The normalised form of a request's path (as sent, %-encoded), to look up a
	 * redirect; null when no redirect could match it.
	 */
	static String requestKey(String rawPath) {
		if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > PATH_MAX * 3) {
			return null;
		}
		String normal = normalise(rawPath);
		return (normal != null && normal.length() <= PATH_MAX) ? normal : null;
	}

	private static String pathProblem(String text) {
		if (text.isEmpty()) {
			return "Old address is required.";
		}
		if (text.length() > PATH_MAX * 3) {
			return "The path is longer than " + PATH_MAX + " characters.";
		}
		if (text.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || text.startsWith("//")) {
			return "Enter only the path, starting with /, as in /2019/05/old-post: leave out https:// and the site's name.";
		}
		if (!text.startsWith("/")) {
			return "The path must start with /, as in /2019/05/old-post.";
		}
		if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
			return "Leave out everything from ? or # on: a redirect matches the path alone.";
		}
		return null;
	}

	/** Decoded, repeated slashes collapsed, no trailing slash; null if undecodable. */
	private static String normalise(String path) {
		String decoded;
		try {
			decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (decoded.indexOf('\uFFFD') >= 0) {
			return null;
		}
		String collapsed = decoded.replaceAll("/{2,}", "/");
		return (collapsed.length() > 1 && collapsed.endsWith("/")) ? collapsed.substring(0, collapsed.length() - 1)
				: collapsed;
	}

	private static boolean reserved(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		String first = lower.substring(1).split("/", 2)[0];
		return RESERVED.contains(first) || RESERVED_PATHS.contains(lower);
	}

}
