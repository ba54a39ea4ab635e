package org.gazette.site;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.Topic;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Script planted in any field an editor fills (story title, summary, dateline and body;
 * author name, job title and biography; topic name and description) never runs in a
 * reader's browser and leaves no active markup behind, on every page where the field is
 * shown.
 *
 * <p>
 * Every payload, if it ran, would set {@code window.__xss}, create an element with id
 * {@code xss} or call {@code alert}. The pages' strict Content-Security-Policy would
 * block most of them even if they reached the page, so the test also fails on any CSP
 * violation and reads the DOM itself: the escaping and the sanitizer must stop the
 * payloads, not the policy alone.
 */
@GazetteWebTest
public class XssBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	/**
	 * Shared with the back office's editor test, which enters them through the editor.
	 */
	public static final List<String> PAYLOADS = List.of(
			// Script elements.
			"<script>__xss=1</script>", "<SCRIPT SRC=data:text/javascript,__xss=1></SCRIPT>",
			"<script>document.body.append(Object.assign(document.createElement('b'),{id:'xss'}))</script>",
			"<svg><script>__xss=1</script></svg>", "</title><script>__xss=1</script>",
			"</textarea></noscript></style><script>__xss=1</script>",
			// Event handlers on many kinds of element.
			"<img src=x onerror=__xss=1>",
			"<img src=\"x\" onerror=\"document.body.append(Object.assign(document.createElement('b'),{id:'xss'}))\">",
			"<img src=x onerror=alert(1)>", "<img src=x:alert(1) onerror=eval(src)>", "<svg onload=__xss=1>",
			"<svg><animate onbegin=__xss=1 attributeName=x dur=1s>", "<body onload=__xss=1>",
			"<details open ontoggle=__xss=1>details</details>", "<input autofocus onfocus=__xss=1>",
			"<select autofocus onfocus=__xss=1><option>x</option></select>", "<video><source onerror=__xss=1></video>",
			"<audio src=x onerror=__xss=1>", "<marquee onstart=__xss=1>marquee</marquee>",
			"<p onmouseover=__xss=1 onclick=__xss=1>hover or click</p>",
			"<a href=\"https://www.example.gov\" onclick=\"__xss=1\" target=\"_blank\">allowed link, forbidden handler</a>",
			"<x onclick=__xss=1 contenteditable>custom element</x>", "<isindex type=image src=1 onerror=__xss=1>",
			// javascript: and data: URLs, raw and in Markdown.
			"<a href=\"javascript:__xss=1\">raw HTML link</a>",
			"<a href=\" &#14;  javascript:__xss=1\">entity-prefixed link</a>",
			"<a href=\"jav&#x09;ascript:__xss=1\">tab-split link</a>", "[Markdown link](javascript:__xss=1)",
			"[Mixed-case link](JaVaScRiPt:__xss=1)", "[Encoded link](java&#115;cript&#58;__xss=1)",
			"<javascript:__xss=1>", "![image](javascript:__xss=1)",
			"[data link](data:text/html;base64,PHNjcmlwdD50b3AuX194c3M9MTwvc2NyaXB0Pg==)",
			"<a href=\"data:text/html,<script>top.__xss=1</script>\">data link</a>",
			"<svg><a xlink:href=\"javascript:__xss=1\"><text x=\"9\" y=\"9\">svg link</text></a></svg>",
			"<button formaction=\"javascript:__xss=1\">button</button>",
			"<table background=\"javascript:__xss=1\"><tr><td>cell</td></tr></table>",
			"[title breakout](https://www.example.gov \"\\\" onmouseover=\\\"__xss=1\")",
			"[url breakout](https://www.example.gov/\"onmouseover=\"__xss=1)",
			// Frames, plugins and elements that change the whole page.
			"<iframe src=\"javascript:top.__xss=1\"></iframe>",
			"<iframe srcdoc=\"<script>top.__xss=1</script>\"></iframe>",
			"<object data=\"javascript:__xss=1\"></object>", "<embed src=\"javascript:__xss=1\">",
			"<base href=\"javascript:__xss=1//\">",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss=1\">",
			"<link rel=stylesheet href=\"javascript:__xss=1\">",
			// Styles.
			"<div style=\"background:url(javascript:__xss=1)\">styled</div>",
			"<p style=\"width:expression(__xss=1)\">expression</p>",
			"<style>*{background:url(\"javascript:__xss=1\")}</style>",
			// Breaking out of an attribute or element the text might be printed in.
			"\"><img src=x onerror=__xss=1>", "'><img src=x onerror=__xss=1>", "\" onmouseover=\"__xss=1\" data-x=\"",
			"' autofocus onfocus='__xss=1", "<b id=\"xss\">marker</b>",
			// Parser differentials (mutation XSS).
			"<noscript><p title=\"</noscript><img src=x onerror=__xss=1>\">",
			"<math><mtext><table><mglyph><style><img src=x onerror=__xss=1>",
			"<svg></p><style><a id=\"</style><img src=1 onerror=__xss=1>\">",
			"<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss=1>",
			"<template><img src=x onerror=__xss=1></template>",
			// Encodings and look-alikes, which must stay the literal text they are.
			"&lt;script&gt;__xss=1&lt;/script&gt;", "&#60;img src=x onerror=__xss=1&#62;",
			"\\u003cscript\\u003e__xss=1\\u003c/script\\u003e", "\uff1cscript\uff1e__xss=1\uff1c/script\uff1e",
			"<img src=`x` onerror=`__xss=1`>",
			// Template syntaxes of other engines, in case text ever passes through one.
			"{{constructor.constructor('__xss=1')()}}", "${__xss=1} #{__xss=1} <%= __xss=1 %>",
			// Multi-line Markdown, for the body (single-line fields get it with spaces
			// for line breaks).
			"[reference link][r]\n\n[r]: javascript:__xss=1", "<div>\n<script>\n__xss=1\n</script>\n</div>",
			"| a | b |\n| --- | --- |\n| <img src=x onerror=__xss=1> | <script>__xss=1</script> |");

	/**
	 * Installed before each page's own scripts: records CSP violations, and calls to the
	 * dialogs a payload might open, where the findings script reads them.
	 */
	public static final String TRIPWIRE = """
			if (!window.__tripwire) {
				window.__tripwire = true;
				window.__cspViolations = [];
				document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
					e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ': ' + e.sample));
				for (const name of ['alert', 'confirm', 'prompt', 'print']) {
					const original = window[name];
					window[name] = function (...args) {
						window.__xss = name + '(' + args.join(', ') + ')';
						return original.apply(this, args);
					};
				}
			}
			""";

	/**
	 * Everything on the page that a payload could have made or that shows one ran (empty
	 * when clean), where the page is, and the text of the elements that the given
	 * selectors match.
	 */
	static final String INSPECT = """
			const findings = [];
			const show = (e) => e.outerHTML.slice(0, 160);
			if (window.__xss !== undefined) findings.push('script ran: window.__xss = ' + window.__xss);
			if (document.getElementById('xss')) findings.push('marker element: ' + show(document.getElementById('xss')));
			for (const violation of window.__cspViolations || []) findings.push('CSP violation: ' + violation);
			const dataBlocks = document.querySelectorAll('script[type="application/ld+json"]');
			for (const script of document.scripts) {
				// A story's one JSON-LD data block, where the layout puts it, is never run; it must still be JSON.
				if (script.type === 'application/ld+json' && script.parentElement === document.head && dataBlocks.length === 1) {
					try { JSON.parse(script.text); continue; } catch (e) { findings.push('JSON-LD is not JSON: ' + show(script)); continue; }
				}
				const url = new URL(script.src || 'about:blank', location.href);
				if (url.origin !== location.origin || !url.pathname.startsWith('/uswds/')) findings.push('script: ' + show(script));
			}
			for (const e of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, style, template, '
					+ 'meta[http-equiv], link:not([rel=stylesheet]):not([rel=icon]):not([rel=canonical]):not([rel=alternate][href^="/feeds/"]), '
					+ 'main :is(input, textarea, button, select, svg, math, img, video, audio, form)'
					+ ':not(.gazette-filters *, .usa-pagination *, .gazette-email-link, .gazette-email-link *)')) {
				findings.push('element: ' + show(e));
			}
			for (const e of document.querySelectorAll('*')) {
				for (const attribute of e.attributes) {
					const name = attribute.name.toLowerCase();
					if (name.startsWith('on')) findings.push('event handler: ' + show(e));
					if (['srcdoc', 'srcset', 'formaction', 'xlink:href', 'background', 'poster', 'data'].includes(name)
							|| (name === 'style' && e.closest('main'))) {
						findings.push('attribute ' + name + ': ' + show(e));
					}
					if (['href', 'src', 'action', 'cite'].includes(name)) {
						const protocol = new URL(attribute.value, location.href).protocol;
						if (!['http:', 'https:', 'mailto:'].includes(protocol)) findings.push(protocol + ' URL: ' + show(e));
					}
				}
			}
			return {
				location: location.pathname + location.search,
				findings: findings,
				texts: arguments[0].map((selector) => Array.from(document.querySelectorAll(selector), (e) => e.textContent))
			};
			""";

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	@BeforeEach
	void reset() {
		this.newsroom.reset();
		browser.beforeEveryPage(TRIPWIRE);
	}

	@Test
	void theChecksNoticeScriptThatReachesThePage() {
		// Guards the guard: markup that gets past the server must show up in the
		// findings.
		browser.open("/");
		browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', arguments[0])",
				"<img src=/no-such-image.png onerror=__xss=1 id=xss><a href=javascript:void(0)>x</a>");
		List<String> findings = browser.waitUntil((driver) -> {
			List<String> found = findings();
			return found.stream().anyMatch((finding) -> finding.startsWith("CSP violation")) ? found : null;
		});
		assertThat(findings).anyMatch((finding) -> finding.startsWith("marker element"))
			.anyMatch((finding) -> finding.startsWith("event handler"))
			.anyMatch((finding) -> finding.startsWith("javascript: URL"))
			.anyMatch((finding) -> finding.startsWith("element: <img"));
	}

	@TestFactory
	Stream<DynamicTest> noPayloadRunsOrLeavesMarkupOnAnyPage() {
		List<Planted> planted = IntStream.range(0, PAYLOADS.size()).mapToObj(this::plant).toList();
		List<String> titles = planted.stream().map(Planted::line).toList();
		// The newest story comes first: the listings show the payloads in the order of
		// the list.
		Stream<DynamicTest> listings = Stream.of(
				dynamicTest("home page", () -> assertListing("/", titles.subList(0, NewsroomPages.HOME_STORIES))),
				dynamicTest("news listing, page by page", () -> {
					for (int page = 1; (page - 1) * NewsroomPages.PAGE_SIZE < titles.size(); page++) {
						int from = (page - 1) * NewsroomPages.PAGE_SIZE;
						assertListing((page == 1) ? "/news" : "/news/page/" + page,
								titles.subList(from, Math.min(titles.size(), from + NewsroomPages.PAGE_SIZE)));
					}
				}));
		Stream<DynamicTest> pages = planted.stream()
			.map((p) -> dynamicTest("payload " + p.number() + ": " + p.line(), () -> assertPagesOf(p)));
		return Stream.concat(listings, pages);
	}

	/** One payload in every field of a story, its author and its topic, published. */
	private Planted plant(int index) {
		int number = index + 1;
		String payload = PAYLOADS.get(index);
		String line = payload.replace("\n", " ");
		Author author = this.content.createAuthor(new NewAuthor("xss-author-" + number, line, line, payload));
		Topic topic = this.content.createTopic(new NewTopic("xss-topic-" + number, line, payload));
		this.stories.story(line)
			.slug("xss-story-" + number)
			.summary(line)
			.dateline((line.length() <= 120) ? line : null)
			.body(payload)
			.by(author)
			.about(topic)
			.releasedAt(MutableClock.START.minus(Duration.ofMinutes(number)))
			.publish();
		return new Planted(number, payload, line);
	}

	private void assertListing(String path, List<String> expectedTitles) {
		assertThat(inspect(path, "the listing", ".gazette-story-title a")).containsExactly(expectedTitles);
	}

	private void assertPagesOf(Planted planted) {
		String line = planted.line();
		// textContent is exactly the characters stored: nothing was interpreted as markup
		// or entities.
		assertThat(inspect("/news/xss-story-" + planted.number(), planted.payload(), "title", "main h1",
				".gazette-byline a", ".gazette-topics a"))
			.containsExactly(List.of(line + " | Newsroom"), List.of(line), List.of(line), List.of(line));
		assertThat(inspect("/authors/xss-author-" + planted.number(), planted.payload(), "main h1", "main .usa-intro",
				".gazette-story-title a"))
			.containsExactly(List.of(line), List.of(line), List.of(line));
		assertThat(inspect("/topics/xss-topic-" + planted.number(), planted.payload(), "main h1"))
			.containsExactly(List.of(line));
		// Topic names also reach message arguments: the heading and the filter's remove
		// button.
		assertThat(inspect("/news?topic=xss-topic-" + planted.number(), planted.payload(), "main h1",
				".gazette-active-filters a"))
			.containsExactly(List.of("All news about " + line), List.of("Remove filter: " + line));
	}

	/**
	 * Loads a page, asserts that it is clean, and returns the text of what each selector
	 * matches. One script does the whole inspection: a round trip per check would make
	 * the test slow.
	 */
	@SuppressWarnings("unchecked")
	private static List<List<String>> inspect(String path, String payload, String... selectors) {
		Map<String, Object> page;
		try {
			browser.open(path);
			page = (Map<String, Object>) browser.script(INSPECT, List.of(selectors));
		}
		catch (UnhandledAlertException ex) {
			throw new AssertionError("Payload " + payload + " opened an alert on " + path + ": " + ex.getAlertText(),
					ex);
		}
		assertNoAlert(path, payload);
		// A payload must not have taken the reader somewhere else (meta refresh, base,
		// location).
		assertThat(page.get("location")).as("where %s leads", path).isEqualTo(path);
		assertThat((List<String>) page.get("findings")).as("what payload %s left on %s", payload, path).isEmpty();
		return (List<List<String>>) page.get("texts");
	}

	private static void assertNoAlert(String path, String payload) {
		try {
			String text = browser.driver().switchTo().alert().getText();
			fail("Payload " + payload + " opened an alert on " + path + ": " + text);
		}
		catch (NoAlertPresentException expected) {
			// As it should be.
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> findings() {
		return (List<String>) ((Map<String, Object>) browser.script(INSPECT, List.of())).get("findings");
	}

	/**
	 * A payload and where it went.
	 *
	 * @param number its place in {@link #PAYLOADS}, from 1, used in its slugs
	 * @param payload the payload as given, used where more than one line may go (bodies,
	 * biographies)
	 * @param line the payload on one line, used for titles, names and summaries
	 */
	record Planted(int number, String payload, String line) {
	}

}
