package org.gazette.syndication;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The links in a page: the values of its {@code href}, {@code src} and {@code srcset}
 * attributes, found and rewritten without parsing the page. Gazette's templates and its
 * sanitizer write every attribute in double quotes, which is all this reads; a scan with
 * {@code indexOf} costs far less than a parser, which matters for ten thousand pages.
 * Form actions are left alone: a form goes to a running node, not to a file. The address
 * in a refresh ({@code content="0; url=/news/new-slug"}, on the pages that stand in for
 * the server's redirects) is a link too.
 */
final class HtmlLinks {

	private static final String[] NAMES = { "href", "src", "srcset", "content" };

	private static final Pattern REFRESH = Pattern.compile("(\\d+;\\s*url=)(.+)", Pattern.CASE_INSENSITIVE);

	private HtmlLinks() {
	}

	/** Hands each link in the page to {@code link}, entities decoded. */
	static void each(String html, Consumer<String> link) {
		scan(html, (value) -> {
			link.accept(value);
			return null;
		}, null);
	}

	/**
	 * The page with each link replaced by what {@code rewrite} returns for it (null keeps
	 * it as it is); every other byte stays the same.
	 */
	static String rewrite(String html, UnaryOperator<String> rewrite) {
		StringBuilder out = new StringBuilder(html.length() + 1024);
		scan(html, rewrite, out);
		return out.toString();
	}

	private static void scan(String html, UnaryOperator<String> onLink, StringBuilder out) {
		int copied = 0;
		int at = html.indexOf("=\"");
		while (at >= 0) {
			int start = at + 2;
			int end = html.indexOf('"', start);
			if (end < 0) {
				break;
			}
			String name = attributeName(html, at);
			if (name != null) {
				String raw = html.substring(start, end);
				String value = (raw.indexOf('&') >= 0) ? HtmlUtils.htmlUnescape(raw) : raw;
				String replaced = switch (name) {
					case "srcset" -> srcset(value, onLink);
					case "content" -> refresh(value, onLink);
					default -> onLink.apply(value);
				};
				if (out != null && replaced != null && !replaced.equals(value)) {
					out.append(html, copied, start).append(HtmlUtils.htmlEscape(replaced));
					copied = end;
				}
			}
			at = html.indexOf("=\"", end + 1);
		}
		if (out != null) {
			out.append(html, copied, html.length());
		}
	}

	/** The attribute whose value starts after {@code equals}, if it is one we follow. */
	private static String attributeName(String html, int equals) {
		for (String name : NAMES) {
			int from = equals - name.length();
			if (from > 0 && html.startsWith(name, from) && Character.isWhitespace(html.charAt(from - 1))) {
				return name;
			}
		}
		return null;
	}

	/** The address of a refresh; any other {@code content} is not a link. */
	private static String refresh(String value, UnaryOperator<String> onLink) {
		Matcher refresh = REFRESH.matcher(value);
		if (!refresh.matches()) {
			return null;
		}
		String replaced = onLink.apply(refresh.group(2));
		return (replaced != null) ? refresh.group(1) + replaced : null;
	}

	/** Each address in a srcset ("a.jpg 1x, b.jpg 2x"), with its descriptor kept. */
	private static String srcset(String value, UnaryOperator<String> onLink) {
		StringBuilder out = new StringBuilder();
		for (String candidate : value.split(",")) {
			String trimmed = candidate.strip();
			int space = trimmed.indexOf(' ');
			String url = (space < 0) ? trimmed : trimmed.substring(0, space);
			String replaced = onLink.apply(url);
			if (!out.isEmpty()) {
				out.append(", ");
			}
			out.append((replaced != null) ? replaced : url).append((space < 0) ? "" : trimmed.substring(space));
		}
		return out.toString();
	}

}
