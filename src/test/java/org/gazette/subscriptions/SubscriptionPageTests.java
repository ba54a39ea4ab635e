package org.gazette.subscriptions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.gazette.content.Topic;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribe form, double opt-in, preferences and unsubscribing, through real HTTP and
 * a real SMTP server.
 */
@GazetteWebTest
class SubscriptionPageTests {

	/** Each test's own day, so that the requests of one do not count against another. */
	static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	TestMail mail;

	@Autowired
	MutableClock clock;

	@Autowired
	Stories stories;

	@Autowired
	SubscriberRepository subscribers;

	SubscriptionFlow flow;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void start() {
		// A fresh hour for the per-client limit: every request in the test run comes from
		// 127.0.0.1, in other test classes too.
		this.jdbc.sql("delete from subscribe_request").update();
		this.clock.set(MutableClock.START.plus(Duration.ofDays(DAYS.incrementAndGet())));
		this.flow = new SubscriptionFlow(this.port, this.mail);
	}

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void subscribingSendsAConfirmationAndNothingIsConfirmedUntilTheButton() {
		String email = SubscriptionFlow.freshEmail("reader");
		BackOffice.Page answer = this.flow.subscribe(Map.of("email", "  " + email.toUpperCase() + " ", "scope", "all"));
		assertThat(answer.status()).isEqualTo(303);
		assertThat(answer.location()).isEqualTo("/subscribe/sent");
		var message = this.flow.latest(email);
		assertThat(TestMail.subject(message)).isEqualTo("Confirm your subscription to Newsroom");
		String confirm = SubscriptionFlow.path(SubscriptionFlow.onlyLink(message, "/subscribe/confirm/"));
		assertThat(this.subscribers.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);

		// Opening the link (a mail scanner would) shows a button and changes nothing.
		BackOffice browser = new BackOffice(this.port);
		BackOffice.Page page = browser.get(confirm);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(page.document().select("main").text()).contains(Addresses.masked(email)).doesNotContain(email);
		assertThat(this.subscribers.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);
		BackOffice.Page confirmed = browser.post(confirm, Map.of());
		assertThat(confirmed.document().select("h1").text()).isEqualTo("You are subscribed");
		assertThat(this.subscribers.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
		// The link works once.
		assertThat(new BackOffice(this.port).get(confirm).status()).isEqualTo(404);
	}

	@Test
	void theConfirmationEmailHasAnAccessibleHtmlPartAndAPlainTextPart() throws Exception {
		String email = SubscriptionFlow.freshEmail("parts");
		assertThat(this.flow.subscribe(Map.of("email", email, "scope", "all")).status()).isEqualTo(303);
		var message = this.flow.latest(email);
		// Mail servers keep lines apart with CR LF.
		String text = SubscriptionFlow.part(message, "text/plain").replace("\r\n", "\n");
		String html = SubscriptionFlow.part(message, "text/html");
		String link = SubscriptionFlow.onlyLink(message, "/subscribe/confirm/");
		assertThat(text).contains("open this link within 48 hours to confirm:\n\n" + link + "\n",
				"Nothing is sent until you confirm.");
		assertThat(html).contains("<html lang=\"en\">", "<h1", "Confirm your subscription to Newsroom",
				"<a href=\"" + link + "\"", ">Confirm your subscription</a>", "Nothing is sent until you confirm.");
		assertThat(message.getHeader("List-Unsubscribe")).as("not subscribed yet").isNull();
	}

	@Test
	void theAnswerIsTheSameForKnownAddressesWhoseChoicesAStrangerCannotChange() {
		Topic topic = this.stories.topic("Tariffs " + SubscriptionFlow.freshEmail("t").substring(2, 10));
		String known = SubscriptionFlow.freshEmail("known");
		this.flow.subscribed(known, Map.of("scope", "all"));
		String unknown = SubscriptionFlow.freshEmail("unknown");

		BackOffice.Page forKnown = this.flow
			.subscribe(Map.of("email", known, "scope", "some", "topics", Long.toString(topic.id())));
		BackOffice.Page forUnknown = this.flow.subscribe(Map.of("email", unknown, "scope", "all"));
		assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(303);
		assertThat(forKnown.location()).isEqualTo(forUnknown.location());
		assertThat(this.subscribers.findByEmail(known).orElseThrow().choices()).isEqualTo(Choices.everything());
		// The owner is told, with the preferences link, not a new confirmation.
		var note = this.flow.latest(known);
		assertThat(TestMail.subject(note)).isEqualTo("Your subscription to Newsroom");
		SubscriptionFlow.onlyLink(note, "/subscriptions/manage/");
	}

	@Test
	void hostileAndMalformedAddressesAreRefusedWithTheTypedValueKept() {
		Map<String, String> expected = Map.of("victim@example.gov\r\nBcc: all@example.gov",
				"Enter your email address on one line.", "a".repeat(250) + "@example.gov",
				"Enter an email address of 254 characters or fewer.", "reader@exаmple.gov",
				"Enter an email address in plain Latin letters, digits and punctuation. We do not accept accented or non-Latin letters, which can hide a look-alike address.",
				"reader@xn--exmple-4nf.gov",
				"Enter an email address in plain Latin letters, digits and punctuation. We do not accept accented or non-Latin letters, which can hide a look-alike address.",
				"not-an-address", "Enter an email address in the form name@example.com.", "",
				"Enter your email address.");
		int before = this.mail.all().size();
		expected.forEach((typed, message) -> {
			BackOffice.Page page = this.flow.subscribe(Map.of("email", typed, "scope", "all"));
			assertThat(page.status()).as(typed).isEqualTo(400);
			assertThat(page.document().select("#email-error").text()).as(typed).isEqualTo(message);
			assertThat(page.document().select("#email").attr("value")).as(typed).isEqualTo(typed);
			assertThat(page.document().select("#email").attr("aria-invalid")).isEqualTo("true");
			assertThat(page.document().select("#form-errors a[href=#email]").text()).isEqualTo(message);
		});
		assertThat(this.mail.all()).hasSize(before);
		assertThat(this.subscribers.findByEmail("victim@example.gov")).isEmpty();
	}

	@Test
	void someStoriesNeedsATopicOrKindAndChoicesAreKeptOnError() {
		BackOffice.Page page = this.flow
			.subscribe(Map.of("email", "picky@example.gov", "scope", "some", "types", "speech"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select("#types-error").text()).isEqualTo("Tick kinds of story from the list.");
		assertThat(page.document().select("#email").attr("value")).isEqualTo("picky@example.gov");
		assertThat(page.document().select("#scope-some").hasAttr("checked")).isTrue();
		BackOffice.Page none = this.flow.subscribe(Map.of("email", "picky@example.gov", "scope", "some"));
		assertThat(none.document().select("#topics-error").text())
			.isEqualTo("Tick at least one topic or kind of story, or choose every story.");
		assertThat(this.subscribers.findByEmail("picky@example.gov")).isEmpty();
	}

	@Test
	void oneClientIsLimitedToAFewRequestsAnHour() {
		for (int i = 0; i < 5; i++) {
			assertThat(
					this.flow.subscribe(Map.of("email", SubscriptionFlow.freshEmail("many"), "scope", "all")).status())
				.isEqualTo(303);
		}
		String sixth = SubscriptionFlow.freshEmail("many");
		BackOffice.Page limited = this.flow.subscribe(Map.of("email", sixth, "scope", "all"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.document().select("#form-errors").text())
			.contains("You have asked too many times in the last hour.");
		assertThat(limited.document().select("#email").attr("value")).isEqualTo(sixth);
		assertThat(this.subscribers.findByEmail(sixth)).isEmpty();
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.flow.subscribe(Map.of("email", sixth, "scope", "all")).status()).isEqualTo(303);
	}

	@Test
	void alteredAndExpiredLinksAnswerWithAClearPage() {
		String email = SubscriptionFlow.freshEmail("late");
		this.flow.subscribe(Map.of("email", email, "scope", "all"));
		String confirm = SubscriptionFlow
			.path(SubscriptionFlow.onlyLink(this.flow.latest(email), "/subscribe/confirm/"));
		String altered = confirm.substring(0, confirm.length() - 1) + (confirm.endsWith("A") ? "B" : "A");
		Http http = new Http(this.port);
		assertThat(http.get(altered).status()).isEqualTo(404);
		assertThat(http.get(altered).document().select("h1").text()).isEqualTo("This link does not work");
		assertThat(http.get("/subscribe/confirm/%3Cscript%3E").status()).isEqualTo(404);
		this.clock.advance(Duration.ofHours(49));
		Http.Response expired = http.get(confirm);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.document().select("h1").text()).isEqualTo("This link has expired");
		assertThat(new BackOffice(this.port).post(confirm, Map.of()).status()).isIn(403, 410);
		assertThat(this.subscribers.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.PENDING);
	}

	@Test
	void preferencesChangeAndUnsubscribingTakesAButtonPress() {
		Topic topic = this.stories.topic("Ports " + SubscriptionFlow.freshEmail("t").substring(2, 10));
		String email = SubscriptionFlow.freshEmail("prefs");
		String manage = this.flow.subscribed(email, Map.of("scope", "all"));
		BackOffice browser = new BackOffice(this.port);
		BackOffice.Page page = browser.get(manage);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("#email")).isEmpty();
		Map<String, String> fields = new HashMap<>(Map.of("scope", "some", "topics", Long.toString(topic.id())));
		BackOffice.Page saved = browser.post(manage, fields);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.document().select("[role=status]").text()).isEqualTo("Your choices are saved.");
		assertThat(this.subscribers.findByEmail(email).orElseThrow().choices().topicIds()).containsExactly(topic.id());

		String unsubscribe = manage.replace("/manage/", "/unsubscribe/");
		assertThat(browser.get(unsubscribe).status()).isEqualTo(200);
		assertThat(this.subscribers.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.CONFIRMED);
		BackOffice.Page done = browser.post(unsubscribe, Map.of());
		assertThat(done.document().select("h1").text()).isEqualTo("You are unsubscribed");
		assertThat(this.subscribers.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
	}

	@Test
	void theFormIsOnEveryTopicPageWithThatTopicChosen() {
		Topic topic = this.stories.topic("Harbors " + SubscriptionFlow.freshEmail("t").substring(2, 10));
		Http http = new Http(this.port);
		var button = http.get("/topics/" + topic.slug()).document().select("form.gazette-email-link");
		assertThat(button.select("button").text()).isEqualTo("Get these stories by email");
		assertThat(button.attr("action")).isEqualTo("/subscribe");
		String topicField = button.select("input[name=topic]").attr("value");
		var form = http.get("/subscribe?topic=" + topicField).document();
		assertThat(form.select("#topic-" + topic.slug()).hasAttr("checked")).isTrue();
		assertThat(form.select("#scope-some").hasAttr("checked")).isTrue();
	}

}
