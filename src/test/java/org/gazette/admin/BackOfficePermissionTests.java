package org.gazette.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.accounts.Role;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.PreviewLinks;
import org.gazette.publishing.Redirects;
import org.gazette.media.MediaDetails;
import org.gazette.media.MediaLibrary;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.gazette.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every back-office address, as written in docs/permissions.md: the
 * document is the test's input, so it cannot drift from what the server does.
 */
@GazetteWebTest
class BackOfficePermissionTests {

	private static final Pattern ROW = Pattern
		.compile("^\\| [^|]+ \\| `(GET|POST) (/admin[^`]*)` \\|((?: [✓–] \\|){5})\\s*$");

	/** Rows of the own-account table: an address and who, not a role matrix. */
	private static final Pattern OWN_ACCOUNT_ROW = Pattern
		.compile("^\\| [^|]+ \\| `(GET|POST) (/admin[^`]*)` \\| [^|✓–]+ \\|\\s*$");

	private static final List<String> WHO = List.of("anyone", "contributor", "editor", "publisher", "admin");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	@Autowired
	PreviewLinks previewLinks;

	@Autowired
	Redirects redirects;

	@Autowired
	MediaLibrary media;

	private final Map<String, Person> people = new LinkedHashMap<>();

	private long articleId;

	private Author author;

	private Topic topic;

	@BeforeEach
	void people() {
		String name = "Matrix " + TestAccounts.freshEmail("x").replaceAll("[^a-z0-9]", " ");
		this.author = this.stories.author(name);
		this.topic = this.stories.topic(name);
		// Saved twice, so that revision 1 is an old version to restore.
		this.articleId = this.stories.story(name).by(this.author).about(this.topic).draft();
		this.stories.revise(this.articleId, "Revised " + name);
		this.accounts.forgetFailedSignIns();
		for (Role role : Role.values()) {
			this.people.put(role.code(), this.accounts.person(role));
		}
	}

	@Test
	void everyRoleGetsExactlyWhatTheTableSays() throws IOException {
		List<Rule> rules = rules();
		assertThat(rules).hasSizeGreaterThan(15);
		List<String> wrong = new ArrayList<>();
		for (Rule rule : rules) {
			for (int i = 0; i < WHO.size(); i++) {
				String who = WHO.get(i);
				boolean expected = rule.allowed().get(i);
				Person target = this.accounts.person(Role.CONTRIBUTOR);
				BackOffice client = new BackOffice(this.port);
				client.get("/admin/sign-in");
				if (!who.equals("anyone")) {
					Person person = this.people.get(who);
					assertThat(this.accounts.signIn(client, person).status()).isEqualTo(302);
					client.get("/admin");
				}
				// Writing rows use a draft of whoever asks (someone's draft for anyone),
				// which every role may edit (EditorTests covers someone else's); list and
				// history rows use someone else's story.
				boolean ownDraft = !rule.path().matches(".*/(history|compare|restore)$");
				String asker = who.equals("anyone") ? target.email() : this.people.get(who).email();
				long article = ownDraft ? this.content.createArticle(null, EditorTests.draft("Matrix story"), asker)
						: this.articleId;
				// A preview link made by whoever asks (someone's for anyone), on that
				// draft.
				long link = rule.path().contains("{link}")
						? this.previewLinks.create(article, asker, Duration.ofDays(1), null).link().id() : 0;
				String path = rule.path()
					.replace("{account}", Long.toString(target.id()))
					.replace("{article}", Long.toString(article))
					.replace("{author}", Long.toString(this.author.id()))
					.replace("{topic}", Long.toString(this.topic.id()))
					.replace("{link}", Long.toString(link))
					.replace("{redirect}", Long.toString(redirect(rule.path())))
					.replace("{media}", rule.path().contains("{media}") ? Long.toString(someonesImage(target)) : "")
					.replace("{token}", "A".repeat(43))
					// No such work: those allowed hear 404, the others 403.
					.replace("{task}", "0");
				BackOffice.Page answer = rule.method().equals("GET") ? client.get(path)
						: client.post(path, formFor(rule.path(), target, this.author, this.topic));
				boolean toSignIn = answer.status() == 302 && answer.location().startsWith("/admin/sign-in")
						&& !rule.path().startsWith("/admin/sign-in") && !rule.path().equals("/admin/sign-out");
				boolean allowed = answer.status() != 403 && !toSignIn;
				if (allowed != expected) {
					wrong.add(who + " " + rule.method() + " " + path + ": expected "
							+ (expected ? "allowed" : "refused") + ", got " + answer.status());
				}
				if (!expected && !who.equals("anyone")) {
					if (answer.status() != 403) {
						wrong.add(who + " " + rule.method() + " " + path + ": refused with " + answer.status()
								+ " instead of 403");
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theTableListsEveryBackOfficeAddress() throws IOException {
		Set<String> documented = new TreeSet<>();
		for (Rule rule : rules()) {
			documented.add(rule.method() + " " + normalise(rule.path()));
		}
		for (String line : Files.readAllLines(Path.of("docs/permissions.md"))) {
			Matcher own = OWN_ACCOUNT_ROW.matcher(line);
			if (own.matches()) {
				documented.add(own.group(1) + " " + normalise(own.group(2)));
			}
		}
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/admin")) {
					continue;
				}
				for (var verb : info.getMethodsCondition().getMethods()) {
					served.add(verb.name() + " " + normalise(pattern));
				}
			}
		});
		// Spring Security answers these itself, before any controller.
		served.add("POST /admin/sign-in");
		served.add("POST /admin/sign-out");
		assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
	}

	/** A fresh redirect for a row that removes one, so each role has one to remove. */
	private long redirect(String path) {
		if (!path.contains("{redirect}")) {
			return 0;
		}
		return this.redirects
			.add("/matrix/" + TestAccounts.freshEmail("old").replaceAll("[^a-z0-9]", "-"), "/news", "tester")
			.id();
	}

	private static Map<String, String> formFor(String path, Person target, Author author, Topic topic) {
		if (path.endsWith("/restore")) {
			// An old version: refused with a conflict page, so the matrix changes
			// nothing.
			return Map.of("revision", "1", "version", "1");
		}
		if (path.endsWith("/merge")) {
			// Into nothing: refused with a message, so the matrix merges nothing.
			return Map.of("into", "0");
		}
		if (path.equals("/admin/authors") || path.equals("/admin/topics")) {
			return Map.of("name", "Matrix " + TestAccounts.freshEmail("profile").replaceAll("[^a-z0-9]", " "));
		}
		if (path.equals("/admin/authors/{author}")) {
			return Map.of("name", author.name(), "slug", author.slug(), "jobTitle", "Matrix");
		}
		if (path.equals("/admin/topics/{topic}")) {
			return Map.of("name", topic.name(), "slug", topic.slug(), "description", "Matrix");
		}
		if (path.startsWith("/admin/articles") && !path.endsWith("/edit") && !path.endsWith("/new")) {
			return EditorTests.form("Matrix story saved", "1");
		}
		if (path.equals("/admin/media/{media}")) {
			return Map.of("title", "Matrix image", "altText", "A matrix test image.");
		}
		if (path.endsWith("/role")) {
			return Map.of("role", target.role().code());
		}
		if (path.endsWith("/enabled")) {
			return Map.of("enabled", "true");
		}
		if (path.equals("/admin/accounts")) {
			return Map.of("email", TestAccounts.freshEmail("matrix"), "displayName", "Matrix Person", "role",
					"contributor");
		}
		if (path.equals("/admin/reset-password")) {
			return Map.of("email", TestAccounts.freshEmail("nobody"));
		}
		return Map.of();
	}

	/** A new image uploaded by someone else (so only editors and up may change it). */
	private long someonesImage(Person uploader) {
		return this.media
			.upload("matrix.png", new java.io.ByteArrayInputStream(TestImages.png(40, 30)),
					new MediaDetails("", "A matrix test image.", false, "", ""), uploader.email(), null)
			.asset()
			.id();
	}

	private static String normalise(String path) {
		return path.replaceAll("\\{[^}]+}", "{}");
	}

	private static List<Rule> rules() throws IOException {
		List<Rule> rules = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/permissions.md"))) {
			Matcher matcher = ROW.matcher(line);
			if (matcher.matches()) {
				List<Boolean> allowed = new ArrayList<>();
				for (String cell : matcher.group(3).split("\\|")) {
					if (!cell.isBlank()) {
						allowed.add(cell.strip().equals("✓"));
					}
				}
				rules.add(new Rule(matcher.group(1), matcher.group(2), allowed));
			}
		}
		return rules;
	}

	record Rule(String method, String path, List<Boolean> allowed) {
	}

}
