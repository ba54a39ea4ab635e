package org.gazette.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Test
	void rendersCommonMarkWithTablesAndAutolinks() {
		String html = this.renderer.render("""
				## Wait times

				- one
				- two

				| Port | Minutes |
				|---|--:|
				| Laredo | 63 |

				> A quote.

				See https://www.usa.gov for more.
				""");
		assertThat(html).contains("<h2>Wait times</h2>")
			.contains("<li>one</li>")
			.contains("<table class=\"usa-table\">")
			.contains("<th scope=\"col\">Port</th>")
			.contains("<td align=\"right\">63</td>")
			.contains("<blockquote>")
			.contains("<a href=\"https://www.usa.gov\">https://www.usa.gov</a>");
	}

	@Test
	void demotesFirstLevelHeadingsBecauseTheTitleIsThePagesOnlyH1() {
		assertThat(this.renderer.render("# Heading")).isEqualTo("<h2>Heading</h2>\n");
	}

	@Test
	void removesScriptsHandlersStylesAndDangerousUrls() {
		String html = this.renderer.render("""
				<script>alert(1)</script>

				<img src=x onerror="alert(1)">

				<p style="color:red" onclick="alert(1)">styled</p>

				<a href="javascript:alert(1)">js link</a>

				[md link](javascript:alert(1)) and <javascript:alert(2)>

				<iframe src="https://evil.example"></iframe>

				<form action="https://evil.example"><input name="q"></form>

				<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>
				""");
		assertThat(html.toLowerCase()).doesNotContain("<script")
			.doesNotContain("onerror")
			.doesNotContain("onclick")
			.doesNotContain("style=")
			.doesNotContain("href=\"javascript")
			.doesNotContain("<iframe")
			.doesNotContain("<form")
			.doesNotContain("<input")
			.doesNotContain("data:text");
		assertThat(html).contains("styled").contains("js link").contains("md link");
	}

	@Test
	void keepsSafeLinksAndEmptyInputRendersNothing() {
		assertThat(this.renderer.render("[USA.gov](https://www.usa.gov/ \"Home\")"))
			.contains("<a href=\"https://www.usa.gov/\" title=\"Home\">USA.gov</a>");
		assertThat(this.renderer.render("[Other story](/news/other-story)")).contains("href=\"/news/other-story\"");
		assertThat(this.renderer.render("  ")).isEmpty();
		assertThat(this.renderer.render(null)).isEmpty();
	}

}
