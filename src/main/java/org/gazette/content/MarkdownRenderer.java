package org.gazette.content;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns Markdown into the HTML readers get. Runs when a revision is saved, never per
 * request. Raw HTML in the Markdown is kept only as far as an allow list lets it: no
 * script, no event handlers, no styles, no {@code javascript:} URLs, no frames or forms.
 */
@Component
class MarkdownRenderer {

	/**
	 * Bumped whenever the output for the same Markdown changes; part of the body's hash.
	 */
	static final String VERSION = "2";

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

	private static final Pattern ALIGN = Pattern.compile("left|center|right");

	/**
	 * Images only from the media library, whose files were checked and re-encoded: a
	 * rendition's address, nothing else (no tracking pixels, no other sites).
	 */
	private static final Pattern MEDIA_IMAGE = Pattern.compile("/media/[0-9a-f]{64}-[1-9][0-9]{0,4}\\.(jpg|png)");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "code", "pre",
				"blockquote", "ul", "ol", "li", "dl", "dt", "dd", "sub", "sup", "abbr", "cite", "q", "s", "del", "ins",
				"table", "caption", "thead", "tbody", "tr", "th", "td", "a", "figure", "figcaption")
		// The story title is the page's only h1.
		.allowElements((name, attributes) -> "h2", "h1")
		.allowAttributes("href", "title")
		.onElements("a")
		.allowStandardUrlProtocols()
		.allowAttributes("title")
		.onElements("abbr")
		.allowAttributes("start")
		.matching(Pattern.compile("\\d{1,6}"))
		.onElements("ol")
		.allowAttributes("align")
		.matching(ALIGN)
		.onElements("th", "td")
		.allowAttributes("scope")
		.matching(Pattern.compile("col|row"))
		.onElements("th")
		.allowAttributes("class")
		.matching(Pattern.compile("usa-table"))
		.onElements("table")
		// An image whose address was refused keeps no src: drop it rather than leave an
		// empty element behind.
		.allowElements((name, attributes) -> hasSource(attributes) ? name : null, "img")
		.allowAttributes("src")
		.matching(MEDIA_IMAGE)
		.onElements("img")
		.allowAttributes("alt", "title")
		.onElements("img")
		.toFactory();

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.attributeProviderFactory((context) -> TABLE_STYLE)
		.build();

	private static final AttributeProvider TABLE_STYLE = (node, tagName, attributes) -> {
		if (node instanceof TableBlock) {
			attributes.put("class", "usa-table");
		}
		else if ("th".equals(tagName) && !attributes.containsKey("scope")) {
			attributes.put("scope", "col");
		}
	};

	/** Sanitized HTML for the given Markdown. */
	String render(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return POLICY.sanitize(this.renderer.render(this.parser.parse(markdown)));
	}

	private static boolean hasSource(java.util.List<String> attributes) {
		for (int i = 0; i < attributes.size(); i += 2) {
			if ("src".equals(attributes.get(i))) {
				return true;
			}
		}
		return false;
	}

}
