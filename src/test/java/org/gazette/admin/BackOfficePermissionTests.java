package org.gazette.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.accounts.Role;
import org.gazette.content.Content;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
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

	private static final List<String> WHO = List.of("anyone", "contributor", "editor", "publisher", "admin");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Content content;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final Map<String, Person> people = new LinkedHashMap<>();

	@BeforeEach
	void people() {
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
					assertThat(client.signIn(person.email(), person.password()).status()).isEqualTo(302);
					client.get("/admin");
				}
				// A story is a draft of whoever asks (someone's draft for anyone), which
				// every role may edit; EditorTests covers someone else's.
				long article = this.content.createArticle(null, EditorTests.draft("Matrix story"),
						who.equals("anyone") ? target.email() : this.people.get(who).email());
				String path = rule.path()
					.replace("{article}", Long.toString(article))
					.replace("{account}", Long.toString(target.id()))
					.replace("{token}", "A".repeat(43));
				BackOffice.Page answer = rule.method().equals("GET") ? client.get(path)
						: client.post(path, formFor(path, target));
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

	private Map<String, String> formFor(String path, Person target) {
		if (path.startsWith("/admin/articles") && !path.endsWith("/edit") && !path.endsWith("/new")) {
			return EditorTests.form("Matrix story saved", "1");
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
