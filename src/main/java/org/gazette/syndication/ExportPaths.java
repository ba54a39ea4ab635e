package org.gazette.syndication;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * Where each address goes in a static export, and how one file links to another. A page's
 * address is a directory holding {@code index.html} ({@code /news/ports-reopen} →
 * {@code news/ports-reopen/index.html}), which every static host serves at the address
 * without a file extension; an address whose last segment has a dot
 * ({@code /feeds/all.rss}, {@code /404.html}) is a file of that name.
 */
final class ExportPaths {

	private ExportPaths() {
	}

	/**
	 * The file, relative to the export's root, that holds the given address; null for an
	 * address that cannot be a file in the export (one that climbs out with {@code ..}).
	 */
	static String fileOf(String path) {
		if (!path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
			return null;
		}
		String relative = path.substring(1);
		for (String segment : relative.split("/", -1)) {
			if (segment.equals("..") || segment.equals(".")) {
				return null;
			}
		}
		if (relative.isEmpty() || relative.endsWith("/")) {
			return relative + "index.html";
		}
		String last = relative.substring(relative.lastIndexOf('/') + 1);
		return (last.indexOf('.') >= 0) ? relative : relative + "/index.html";
	}

	/**
	 * The site address a link in the page at {@code pagePath} leads to, without query or
	 * fragment and percent-decoded; null when it leads off the site (another host, a
	 * {@code mailto:}) or nowhere (a fragment alone).
	 * @param siteBase the site's public base address (its canonical links start with it)
	 */
	static String target(String pagePath, String link, String siteBase) {
		if (link.isEmpty() || link.startsWith("#") || link.startsWith("//")) {
			return null;
		}
		String path = link;
		if (hasScheme(link)) {
			if (!link.startsWith(siteBase + "/") && !link.equals(siteBase)) {
				return null;
			}
			path = link.substring(siteBase.length());
			path = path.isEmpty() ? "/" : path;
		}
		int end = indexOfAny(path, '?', '#');
		path = (end >= 0) ? path.substring(0, end) : path;
		if (!path.startsWith("/")) {
			try {
				// Resolved as a browser resolves it against the page's address on the
				// server.
				path = URI.create(pagePath).resolve(path).getPath();
			}
			catch (IllegalArgumentException ex) {
				return path;
			}
		}
		try {
			return UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return path;
		}
	}

	/**
	 * A link from the file {@code fromFile} to the file {@code toFile} (both relative to
	 * the export's root), as a relative address that works from any directory and when
	 * opened from disk.
	 */
	static String relative(String fromFile, String toFile) {
		String[] from = fromFile.split("/");
		String[] to = toFile.split("/");
		int common = 0;
		while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
			common++;
		}
		StringBuilder link = new StringBuilder();
		for (int i = common; i < from.length - 1; i++) {
			link.append("../");
		}
		for (int i = common; i < to.length; i++) {
			link.append(UriUtils.encodePathSegment(to[i], StandardCharsets.UTF_8));
			if (i < to.length - 1) {
				link.append('/');
			}
		}
		return link.toString();
	}

	private static boolean hasScheme(String link) {
		int colon = link.indexOf(':');
		if (colon <= 0) {
			return false;
		}
		for (int i = 0; i < colon; i++) {
			char c = link.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	private static int indexOfAny(String text, char a, char b) {
		int first = text.indexOf(a);
		int second = text.indexOf(b);
		return (first < 0) ? second : (second < 0) ? first : Math.min(first, second);
	}

}
