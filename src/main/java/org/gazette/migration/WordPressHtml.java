package org.gazette.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what WordPress leaves in a post's stored HTML before a browser sees it:
 * shortcodes and the "autop" rule (a blank line is a paragraph break, a single line break
 * is a {@code <br>
 * }). The result is plain HTML for {@link HtmlMarkdown}.
 */
final class WordPressHtml {

	/**
	 * Shortcodes of WordPress and its common plugins: what they produce is not in the
	 * export, so they are dropped (keeping what they wrap). Other bracketed text
	 * ("[sic]") stays as written.
	 */
	private static final Set<String> DROPPED = Set.of("gallery", "audio", "video", "playlist", "youtube", "vimeo",
			"tweet", "twitter", "soundcloud", "googlemaps", "contact-form", "contact-form-7", "gravityform", "wpforms",
			"ninja_form", "instagram", "slideshow", "vc_row", "vc_column", "vc_column_text",
			"fusion_builder_container");

	private static final Pattern CAPTION = Pattern
		.compile("(?is)\\[(?:wp_)?caption([^\\]]*)\\](.*?)\\[/(?:wp_)?caption\\]");

	private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("(?is)caption=\"([^\"]*)\"");

	private static final Pattern EMBED = Pattern.compile("(?is)\\[embed[^\\]]*\\]\\s*(\\S+?)\\s*\\[/embed\\]");

	private static final Pattern SHORTCODE = Pattern.compile("(?i)\\[/?([a-z][a-z0-9_-]*)(?:\\s[^\\]]*)?/?\\]");

	private static final Pattern BLOCK_START = Pattern.compile(
			"(?is)^<(?:p|div|h[1-6]|ul|ol|li|dl|table|blockquote|pre|figure|hr|iframe|address|section|article|aside|form|fieldset|header|footer|nav|script|style|object|embed|!--)\\b.*");

	private static final Pattern PRE = Pattern.compile("(?is)<pre\\b.*?</pre>");

	private WordPressHtml() {
	}

	/** The post's body as a browser would get it from WordPress, as HTML. */
	static String toHtml(String stored) {
		String text = (stored != null) ? stored.replace("\r\n", "\n").replace('\r', '\n') : "";
		text = captions(text);
		text = EMBED.matcher(text)
			.replaceAll((m) -> "\n\n<p><a href=\"" + m.group(1).replace("\"", "%22") + "\">"
					+ Matcher.quoteReplacement(m.group(1)) + "</a></p>\n\n");
		text = SHORTCODE.matcher(text)
			.replaceAll((m) -> DROPPED.contains(m.group(1).toLowerCase(Locale.ROOT)) ? ""
					: Matcher.quoteReplacement(m.group()));
		return autop(text);
	}

	/** {@code [caption]<img ...> Text[/caption]} as a figure with its caption. */
	private static String captions(String text) {
		return CAPTION.matcher(text).replaceAll((m) -> {
			String inner = m.group(2).strip();
			int end = Math.max(inner.lastIndexOf("/>"), inner.lastIndexOf("</a>"));
			String media = inner;
			String caption = "";
			if (end >= 0) {
				int cut = inner.charAt(end + 1) == '>' ? end + 2 : end + 4;
				media = inner.substring(0, cut);
				caption = inner.substring(cut).strip();
			}
			else if (inner.indexOf('>') >= 0) {
				media = inner.substring(0, inner.lastIndexOf('>') + 1);
				caption = inner.substring(inner.lastIndexOf('>') + 1).strip();
			}
			if (caption.isEmpty()) {
				Matcher attribute = CAPTION_ATTRIBUTE.matcher(m.group(1));
				caption = attribute.find() ? attribute.group(1) : "";
			}
			return Matcher.quoteReplacement("\n\n<figure>" + media
					+ (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n\n");
		});
	}

	/**
	 * WordPress's paragraph rule: text between blank lines is a paragraph, a single line
	 * break in it a {@code <br>
	 * }; blocks that start with a block element are left alone, and so is everything in
	 * {@code <pre>}.
	 */
	static String autop(String text) {
		List<String> kept = new ArrayList<>();
		Matcher pre = PRE.matcher(text);
		StringBuilder protectedText = new StringBuilder();
		while (pre.find()) {
			kept.add(pre.group());
			pre.appendReplacement(protectedText, "\u0000PRE" + (kept.size() - 1) + "\u0000");
		}
		pre.appendTail(protectedText);
		StringBuilder html = new StringBuilder();
		for (String chunk : protectedText.toString().split("\\n\\s*\\n")) {
			String block = chunk.strip();
			if (block.isEmpty()) {
				continue;
			}
			if (BLOCK_START.matcher(block).matches() || block.matches("(?s)\u0000PRE\\d+\u0000")) {
				html.append(block);
			}
			else {
				html.append("<p>").append(block.replace("\n", "<br>\n")).append("</p>");
			}
			html.append('\n');
		}
		String result = html.toString();
		for (int i = 0; i < kept.size(); i++) {
			result = result.replace("\u0000PRE" + i + "\u0000", kept.get(i));
		}
		return result;
	}

}
