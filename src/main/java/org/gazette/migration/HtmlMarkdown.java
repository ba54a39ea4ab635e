package org.gazette.migration;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Converts HTML to Markdown that renders the same: paragraphs, headings, lists, quotes,
 * code, links and emphasis become Markdown; what Markdown cannot say (tables, figures,
 * superscripts, anything else) stays as HTML in the Markdown, which the renderer's
 * sanitizer then keeps or drops by its allow-list, as for any story. Images from
 * elsewhere become links to them: the site shows only media library images, and a link
 * keeps the reader's way to the picture.
 */
final class HtmlMarkdown {

	private static final Set<String> INLINE_AS_HTML = Set.of("sup", "sub", "abbr", "cite", "q", "s", "del", "ins", "u",
			"mark", "small", "kbd", "time");

	private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "head", "title",
			"meta", "link");

	private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~!&])");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([-+=]|\\d+(?=[.)]))");

	private HtmlMarkdown() {
	}

	/**
	 * A post's body as Markdown, with its text as {@link #plainText} reads it.
	 *
	 * @param markdown the body
	 * @param text the text alone, on one line
	 */
	record Converted(String markdown, String text) {
	}

	static String convert(String html) {
		return convertWithText(html).markdown();
	}

	/**
	 * As {@link #convert} and {@link #plainText} together, parsing the HTML once: an
	 * import needs both for every post.
	 */
	static Converted convertWithText(String html) {
		org.jsoup.nodes.Document document = Jsoup.parseBodyFragment((html != null) ? html : "");
		document.outputSettings().prettyPrint(false);
		// Before images become links, whose labels are not text of the post.
		String text = oneLine(document.text());
		Element body = document.body();
		imagesAsLinks(body);
		StringBuilder out = new StringBuilder();
		blocks(body, out);
		return new Converted(BLANK_LINES.matcher(out).replaceAll("\n\n").strip(), text);
	}

	/**
	 * Each image from elsewhere as a link to it ("Image: its alt text"), inside a link as
	 * the text alone: the sanitizer would drop it, and the reader would lose it.
	 */
	private static void imagesAsLinks(Element body) {
		for (Element image : body.select("img")) {
			String src = image.attr("src").strip();
			String alt = image.attr("alt").strip();
			String label = alt.isEmpty() ? "Image" : "Image: " + alt;
			if (src.isEmpty()) {
				image.remove();
			}
			else if (image.closest("a") != null) {
				image.replaceWith(new TextNode(label));
			}
			else {
				Element link = new Element("a").attr("href", src).text(label);
				image.replaceWith(link);
			}
		}
	}

	private static void blocks(Element parent, StringBuilder out) {
		StringBuilder loose = new StringBuilder();
		for (Node node : parent.childNodes()) {
			if (node instanceof Element element && isBlock(element)) {
				flush(loose, out);
				block(element, out);
			}
			else {
				inline(node, loose);
			}
		}
		flush(loose, out);
	}

	private static void flush(StringBuilder loose, StringBuilder out) {
		String text = loose.toString().strip();
		if (!text.isEmpty()) {
			out.append(lineStarts(text)).append("\n\n");
		}
		loose.setLength(0);
	}

	private static boolean isBlock(Element element) {
		return element.isBlock() || DROPPED.contains(element.normalName()) || element.normalName().equals("iframe");
	}

	private static void block(Element element, StringBuilder out) {
		String name = element.normalName();
		if (DROPPED.contains(name)) {
			return;
		}
		switch (name) {
			case "p" -> {
				StringBuilder text = new StringBuilder();
				element.childNodes().forEach((child) -> inline(child, text));
				String paragraph = text.toString().strip();
				if (!paragraph.isEmpty() && element.attributes().isEmpty()) {
					out.append(lineStarts(paragraph)).append("\n\n");
				}
				else if (!paragraph.isEmpty()) {
					html(element, out);
				}
			}
			case "h1", "h2", "h3", "h4", "h5", "h6" -> {
				StringBuilder text = new StringBuilder();
				element.childNodes().forEach((child) -> inline(child, text));
				String heading = WHITESPACE.matcher(text).replaceAll(" ").strip();
				if (!heading.isEmpty()) {
					out.append("#".repeat(name.charAt(1) - '0')).append(' ').append(heading).append("\n\n");
				}
			}
			case "hr" -> out.append("---\n\n");
			case "pre" -> {
				String code = element.wholeText();
				String fence = "```";
				while (code.contains(fence)) {
					fence += "`";
				}
				out.append(fence)
					.append('\n')
					.append(code.endsWith("\n") ? code : code + "\n")
					.append(fence)
					.append("\n\n");
			}
			case "blockquote" -> {
				StringBuilder inner = new StringBuilder();
				blocks(element, inner);
				String quoted = inner.toString().strip();
				if (!quoted.isEmpty()) {
					out.append(quoted.replaceAll("(?m)^", "> ").replaceAll("(?m)^> $", ">")).append("\n\n");
				}
			}
			case "ul", "ol" -> list(element, out);
			case "div", "section", "article", "header", "footer", "main", "aside" -> {
				if (element.attributes().isEmpty()) {
					blocks(element, out);
				}
				else {
					html(element, out);
				}
			}
			default -> html(element, out);
		}
	}

	private static void list(Element list, StringBuilder out) {
		boolean ordered = list.normalName().equals("ol");
		// Lists whose items hold more than text and nested lists stay HTML: Markdown's
		// indentation rules would change what they say.
		for (Element item : list.children()) {
			if (!item.normalName().equals("li") || item.children()
				.stream()
				.anyMatch((child) -> isBlock(child) && !Set.of("ul", "ol").contains(child.normalName()))) {
				html(list, out);
				return;
			}
		}
		int number = ordered ? startOf(list) : 0;
		for (Element item : list.children()) {
			StringBuilder text = new StringBuilder();
			StringBuilder nested = new StringBuilder();
			for (Node child : item.childNodes()) {
				if (child instanceof Element element && Set.of("ul", "ol").contains(element.normalName())) {
					list(element, nested);
				}
				else {
					inline(child, text);
				}
			}
			String marker = ordered ? (number++) + ". " : "- ";
			out.append(marker)
				.append(lineStarts(text.toString().strip()).replace("\n", "\n" + " ".repeat(marker.length())))
				.append('\n');
			String sub = nested.toString().strip();
			if (!sub.isEmpty()) {
				out.append(sub.replaceAll("(?m)^", " ".repeat(marker.length()))).append('\n');
			}
		}
		out.append('\n');
	}

	private static int startOf(Element list) {
		try {
			return list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static void inline(Node node, StringBuilder out) {
		if (node instanceof TextNode text) {
			out.append(escape(WHITESPACE.matcher(text.text()).replaceAll(" ")));
			return;
		}
		if (!(node instanceof Element element)) {
			return;
		}
		String name = element.normalName();
		switch (name) {
			case "em", "i" -> wrap(element, "*", out);
			case "strong", "b" -> wrap(element, "**", out);
			case "code" -> {
				String code = element.text();
				String ticks = code.contains("`") ? "`` " : "`";
				out.append(ticks).append(code).append(new StringBuilder(ticks).reverse());
			}
			case "br" -> out.append("\\\n");
			case "a" -> {
				StringBuilder label = new StringBuilder();
				element.childNodes().forEach((child) -> inline(child, label));
				String href = element.attr("href").strip();
				if (href.isEmpty()) {
					out.append(label);
				}
				else {
					out.append('[').append(label.toString().strip()).append("](").append(destination(href));
					title(element, out);
					out.append(')');
				}
			}
			case "img" -> {
				String src = element.attr("src").strip();
				String alt = element.attr("alt").strip();
				if (!src.isEmpty()) {
					out.append('[')
						.append(escape(alt.isEmpty() ? "Image" : "Image: " + alt))
						.append("](")
						.append(destination(src))
						.append(')');
				}
			}
			case "span", "font" -> element.childNodes().forEach((child) -> inline(child, out));
			default -> {
				if (DROPPED.contains(name)) {
					return;
				}
				if (INLINE_AS_HTML.contains(name)) {
					out.append(element.outerHtml().replaceAll("\\n\\s*\\n", "\n"));
				}
				else {
					element.childNodes().forEach((child) -> inline(child, out));
				}
			}
		}
	}

	private static void wrap(Element element, String mark, StringBuilder out) {
		StringBuilder inner = new StringBuilder();
		element.childNodes().forEach((child) -> inline(child, inner));
		String text = inner.toString();
		String core = text.strip();
		if (core.isEmpty()) {
			out.append(text);
			return;
		}
		// Emphasis must hug its text: keep the spaces outside the marks.
		out.append(text.startsWith(" ") ? " " : "")
			.append(mark)
			.append(core)
			.append(mark)
			.append(text.endsWith(" ") ? " " : "");
	}

	private static void title(Element element, StringBuilder out) {
		String title = element.attr("title").strip();
		if (!title.isEmpty()) {
			out.append(" \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
	}

	private static String destination(String url) {
		return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">";
	}

	/** Keeps raw HTML as one HTML block: no blank lines inside, which would end it. */
	private static void html(Element element, StringBuilder out) {
		String html = element.outerHtml().replaceAll("\\n\\s*\\n", "\n").strip();
		out.append(html).append("\n\n");
	}

	private static String escape(String text) {
		return SPECIAL.matcher(text).replaceAll((m) -> Matcher.quoteReplacement("\\" + m.group(1)));
	}

	/** Text that Markdown would read as a list or heading at a line's start, escaped. */
	private static String lineStarts(String text) {
		return LINE_START.matcher(text).replaceAll((m) -> {
			String mark = m.group(2);
			return Matcher
				.quoteReplacement(m.group(1) + (Character.isDigit(mark.charAt(0)) ? mark + "\\" : "\\" + mark));
		});
	}

	/** The text a reader sees of some HTML, on one line. */
	static String plainText(String html) {
		return oneLine(Jsoup.parseBodyFragment((html != null) ? html : "").text());
	}

	private static String oneLine(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

}
