package org.gazette.migration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WordPress HTML to Markdown: autop paragraphs and line breaks, shortcodes, the markup
 * Markdown can say, and text that Markdown would otherwise misread.
 */
class HtmlMarkdownTests {

	private static String convert(String wordpress) {
		return HtmlMarkdown.convert(WordPressHtml.toHtml(wordpress));
	}

	@Test
	void autopParagraphsAndLineBreaks() {
		assertThat(convert("Line one\nline two\n\nNext <em>one</em> and <strong>bold</strong>."))
			.isEqualTo("Line one\\\n line two\n\nNext *one* and **bold**.");
	}

	@Test
	void headingsListsLinksAndCode() {
		assertThat(convert(
				"<h2>Title</h2>\n<ul>\n<li>One</li>\n<li><a href=\"https://x.example.gov/a\">Two</a></li>\n</ul>"
						+ "\n\n<pre>a\n\nb</pre>\n\nRun <code>make</code>."))
			.isEqualTo("## Title\n\n- One\n- [Two](<https://x.example.gov/a>)\n\n```\na\n\nb\n```\n\nRun `make`.");
	}

	@Test
	void textMarkdownWouldMisreadIsEscaped() {
		assertThat(convert("1. Not a list * or _emphasis_ or [link] &amp; # no heading"))
			.isEqualTo("1\\. Not a list \\* or \\_emphasis\\_ or \\[link\\] \\& \\# no heading");
		assertThat(convert("- not an item")).isEqualTo("\\- not an item");
	}

	@Test
	void shortcodesBecomeWhatTheyShowOrGo() {
		assertThat(convert("[embed]https://video.example.gov/1[/embed]"))
			.isEqualTo("[https://video.example.gov/1](<https://video.example.gov/1>)");
		assertThat(convert("Before [gallery ids=\"1,2\"] after [sic].")).isEqualTo("Before after \\[sic\\].");
	}

	@Test
	void whatMarkdownCannotSayStaysHtml() {
		assertThat(convert("<table><tr><td>Cell</td></tr></table>\n\nE = mc<sup>2</sup>"))
			.isEqualTo("<table><tbody><tr><td>Cell</td></tr></tbody></table>\n\nE = mc<sup>2</sup>");
	}

	@Test
	void oneParseGivesTheMarkdownAndTheTextWithoutImageLabels() {
		String html = "<p>Crews <b>at</b>\n work.</p><figure><img src=\"https://old.example.gov/a.jpg\" alt=\"Crew\">"
				+ "<figcaption>Road works</figcaption></figure>";
		HtmlMarkdown.Converted converted = HtmlMarkdown.convertWithText(html);
		assertThat(converted.markdown()).isEqualTo(HtmlMarkdown.convert(html));
		assertThat(converted.text()).isEqualTo(HtmlMarkdown.plainText(html)).isEqualTo("Crews at work. Road works");
	}

}
