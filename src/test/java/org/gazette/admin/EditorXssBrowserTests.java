package org.gazette.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;
import org.gazette.site.XssBrowserTests;
import org.gazette.support.BackOffice;
import org.gazette.support.Browser;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every XSS payload of {@link XssBrowserTests}, typed into every field of the story
 * editor (and as the names of the byline author and topic it picks), never runs and
 * leaves no active markup in the editor, the preview or, once published, the public story
 * page; the text comes back exactly as typed.
 */
@GazetteWebTest
class EditorXssBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	/**
	 * What a payload could have left on a back-office page. The editor's own scripts and
	 * form controls belong there; in the story body, none do.
	 */
	static final String INSPECT = """
			const findings = [];
			const show = (e) => e.outerHTML.slice(0, 160);
			if (window.__xss !== undefined) findings.push('script ran: window.__xss = ' + window.__xss);
			if (document.getElementById('xss')) findings.push('marker element: ' + show(document.getElementById('xss')));
			for (const violation of window.__cspViolations || []) findings.push('CSP violation: ' + violation);
			for (const problem of window.__problems || []) findings.push(problem);
			const dataBlocks = document.querySelectorAll('script[type="application/ld+json"]');
			for (const script of document.scripts) {
				// A story's one JSON-LD data block, where the layout puts it, is never run; it must still be JSON.
				if (script.type === 'application/ld+json' && script.parentElement === document.head && dataBlocks.length === 1) {
					try { JSON.parse(script.text); continue; } catch (e) { findings.push('JSON-LD is not JSON: ' + show(script)); continue; }
				}
				const url = new URL(script.src || 'about:blank', location.href);
				if (url.origin !== location.origin || !/^\\/(uswds|easymde|js)\\//.test(url.pathname)) findings.push('script: ' + show(script));
			}
			for (const e of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, template, '
					+ 'meta[http-equiv], main style, .gazette-body :is(input, textarea, button, select, svg, math, img, video, audio, form, style)')) {
				findings.push('element: ' + show(e));
			}
			for (const e of document.querySelectorAll('*')) {
				for (const attribute of e.attributes) {
					const name = attribute.name.toLowerCase();
					if (name.startsWith('on')) findings.push('event handler: ' + show(e));
					if (['srcdoc', 'srcset', 'xlink:href', 'background', 'poster', 'data'].includes(name)) {
						findings.push('attribute ' + name + ': ' + show(e));
					}
					if (['href', 'src', 'action', 'formaction', 'cite'].includes(name)) {
						const protocol = new URL(attribute.value, location.href).protocol;
						if (!['http:', 'https:', 'mailto:'].includes(protocol)) findings.push(protocol + ' URL: ' + show(e));
					}
				}
			}
			return {
				location: location.pathname,
				findings: findings,
				texts: arguments[0].map((selector) => Array.from(document.querySelectorAll(selector),
					(e) => (e.matches('input, textarea') ? e.value : e.textContent)))
			};
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@Autowired
	Publishing publishing;

	@Test
	void noPayloadRunsInTheEditorThePreviewOrThePublicPage() {
		browser.beforeEveryPage(XssBrowserTests.TRIPWIRE + EditorBrowserTests.TRIPWIRE);
		Person editor = this.accounts.person(Role.EDITOR);
		BackOffice client = new BackOffice(this.port);
		client.signIn(editor.email(), editor.password());
		client.get("/admin/articles/new");
		EditorBrowserTests.signIn(browser, editor);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < XssBrowserTests.PAYLOADS.size(); i++) {
			String payload = XssBrowserTests.PAYLOADS.get(i);
			String line = payload.replace("\n", " ");
			String slug = "xss-editor-" + (i + 1);
			Author author = this.content.createAuthor(new NewAuthor(slug, line, "", ""));
			Topic topic = this.content.createTopic(new NewTopic(slug, line, ""));
			Map<String, String> form = new LinkedHashMap<>();
			form.put("title", line);
			form.put("slug", slug);
			form.put("type", "news-release");
			form.put("authorIds", Long.toString(author.id()));
			form.put("topicIds", Long.toString(topic.id()));
			form.put("summary", line);
			form.put("dateline", (line.length() <= 120) ? line : "");
			form.put("bodyMarkdown", payload);
			form.put("message", line);
			BackOffice.Page created = client.post("/admin/articles", form);
			assertThat(created.status()).as(payload).isEqualTo(303);
			long id = Long.parseLong(created.location().replaceAll("^/admin/articles/(\\d+)/.*$", "$1"));
			List<List<String>> editor1 = inspect("/admin/articles/" + id + "/edit", payload, failures, "#title",
					"#summary", "#bodyMarkdown", "#author-1 option:checked", "input[name=topicIds]:checked + label");
			expect(failures, payload, "editor", editor1,
					List.of(List.of(line), List.of(line), List.of(payload), List.of(line), List.of(line)));
			List<List<String>> preview = inspect("/admin/articles/" + id + "/preview", payload, failures,
					"main article h1", ".gazette-byline a", ".gazette-topics a");
			expect(failures, payload, "preview", preview, List.of(List.of(line), List.of(line), List.of(line)));
			this.publishing.publish(id, null);
			List<List<String>> story = inspect("/news/" + slug, payload, failures, "main article h1",
					".gazette-byline a");
			expect(failures, payload, "public page", story, List.of(List.of(line), List.of(line)));
		}
		assertThat(failures).isEmpty();
	}

	private static void expect(List<String> failures, String payload, String where, List<List<String>> actual,
			List<List<String>> expected) {
		if (actual != null && !actual.equals(expected)) {
			failures.add(payload + " on the " + where + ": shown as " + actual);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<List<String>> inspect(String path, String payload, List<String> failures, String... selectors) {
		Map<String, Object> page;
		try {
			browser.open(path);
			page = (Map<String, Object>) browser.script(INSPECT, List.of(selectors));
		}
		catch (UnhandledAlertException ex) {
			failures.add(payload + " opened an alert on " + path);
			return null;
		}
		try {
			browser.driver().switchTo().alert().dismiss();
			failures.add(payload + " opened an alert on " + path);
		}
		catch (NoAlertPresentException expected) {
			// As it should be.
		}
		if (!path.equals(page.get("location"))) {
			failures.add(payload + " took " + path + " to " + page.get("location"));
		}
		for (String finding : (List<String>) page.get("findings")) {
			failures.add(payload + " on " + path + ": " + finding);
		}
		return (List<List<String>>) page.get("texts");
	}

}
