package org.gazette.subscriptions;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.TestReleaseRunner;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest, through the real form, a real SMTP server and a clock moved by hand:
 * chosen on the form, one email a day listing the window's public stories, none for an
 * empty day, none twice, and no separate story emails.
 */
@GazetteWebTest
class DigestEmailTests {

	/** The test application's settings: the default digest time, the default zone. */
	private static final DigestWindows WINDOWS = new DigestWindows(ZoneId.of("America/New_York"), LocalTime.of(7, 0));

	@LocalServerPort
	int port;

	@Autowired
	TestMail mail;

	@Autowired
	MutableClock clock;

	@Autowired
	Stories stories;

	@Autowired
	Publishing publishing;

	@Autowired
	ApplicationContext application;

	@Autowired
	SubscriberRepository subscribers;

	@Autowired
	DigestRepository digests;

	@Autowired
	DigestRunner runner;

	@Autowired
	JdbcClient jdbc;

	SubscriptionFlow flow;

	/** The digest window the test starts in: released now, listed at its end. */
	DigestWindows.Window window;

	@BeforeEach
	void start() {
		this.jdbc.sql("delete from subscribe_request").update();
		// Days of their own, after those of the other subscription tests.
		this.clock
			.set(MutableClock.START.plus(Duration.ofDays(600 + 5L * SubscriptionPageTests.DAYS.incrementAndGet())));
		this.window = WINDOWS.window(WINDOWS.latestDue(this.clock.instant()).date().plusDays(1));
		this.clock.set(this.window.start().plus(Duration.ofMinutes(30)));
		this.flow = new SubscriptionFlow(this.port, this.mail);
		// Whatever earlier tests left due goes out now, so each test sees its own.
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		this.runner.queue();
		this.runner.sendDue(Integer.MAX_VALUE);
	}

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void aDailySubscriberGetsOneDigestOfTheDaysPublicStoriesInsteadOfEachStory() throws Exception {
		Topic quiet = this.stories.topic("Quiet " + SubscriptionFlow.freshEmail("t").substring(2, 10));
		Author author = this.stories.author("Lee Park");
		String daily = SubscriptionFlow.freshEmail("daily");
		String immediate = SubscriptionFlow.freshEmail("immediate");
		String quietDaily = SubscriptionFlow.freshEmail("quiet");
		this.flow.subscribed(daily, Map.of("scope", "all", "frequency", "daily"));
		this.flow.subscribed(immediate, Map.of("scope", "all", "frequency", "immediate"));
		this.flow.subscribed(quietDaily,
				Map.of("scope", "some", "topics", Long.toString(quiet.id()), "frequency", "daily"));
		assertThat(this.subscribers.findByEmail(daily).orElseThrow().choices().frequency()).isEqualTo(Frequency.DAILY);

		String listed = "Port of entry extends its hours " + daily;
		this.stories.story(listed)
			.summary("Open until 10 p.m. for trucks & buses.")
			.by(author)
			.releasedAt(this.window.start().plus(Duration.ofHours(1)))
			.publish();
		String takenDown = "Published in error " + daily;
		long wrong = this.stories.story(takenDown).releasedAt(this.window.start().plus(Duration.ofHours(1))).publish();
		String embargoed = "Released after the digest " + daily;
		this.stories.story(embargoed).releasedAt(this.window.end().plus(Duration.ofHours(1))).publish();
		this.clock.set(this.window.start().plus(Duration.ofHours(2)));
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		this.publishing.unpublish(wrong);
		assertThat(titled(immediate, listed)).as("immediate subscribers get the story").hasSize(1);
		assertThat(this.mail.to(daily)).as("only the confirmation so far").hasSize(1);

		this.clock.set(this.window.end().minusSeconds(60));
		digestsDue();
		assertThat(this.mail.to(daily)).as("not before the digest time").hasSize(1);

		this.clock.set(this.window.end().plusSeconds(60));
		digestsDue();
		digestsDue();
		List<MimeMessage> sent = this.mail.to(daily).subList(1, this.mail.to(daily).size());
		assertThat(sent).hasSize(1);
		MimeMessage digest = sent.get(0);
		assertThat(TestMail.subject(digest)).isEqualTo("Newsroom daily digest, " + date(this.window));
		String text = part(digest, "text/plain");
		String html = part(digest, "text/html");
		assertThat(text).contains(listed, "By Lee Park", "Open until 10 p.m. for trucks & buses.",
				"https://news.example.gov/news/", "https://news.example.gov/subscriptions/manage/",
				"https://news.example.gov/subscriptions/unsubscribe/");
		assertThat(html).contains("<html lang=\"en\">", "By Lee Park", "trucks &amp; buses", "<h2",
				"href=\"https://news.example.gov/news/");
		assertThat(text + html).doesNotContain(takenDown).doesNotContain(embargoed);
		assertThat(digest.getHeader("List-Unsubscribe")[0])
			.startsWith("<https://news.example.gov/subscriptions/one-click/");
		assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(titled(daily, listed)).as("no separate story email").isEmpty();
		assertThat(this.mail.to(immediate).stream().map(TestMail::subject))
			.noneMatch((subject) -> subject.contains("daily digest"));

		long quietId = this.subscribers.findByEmail(quietDaily).orElseThrow().id();
		assertThat(this.mail.to(quietDaily)).as("nothing for a day without its stories").hasSize(1);
		assertThat(this.digests.of(quietId))
			.containsExactly(new DigestRepository.Sent(this.window.date(), "skipped", 0));
		long dailyId = this.subscribers.findByEmail(daily).orElseThrow().id();
		assertThat(this.digests.of(dailyId)).extracting(DigestRepository.Sent::state).containsExactly("sent");

		// The next day's digest has the story released after the first one's end.
		DigestWindows.Window next = WINDOWS.window(this.window.date().plusDays(1));
		this.clock.set(next.end().plusSeconds(1));
		TestReleaseRunner.runDue(this.application);
		digestsDue();
		List<MimeMessage> all = this.mail.to(daily);
		assertThat(all).hasSize(3);
		assertThat(TestMail.subject(all.get(2))).isEqualTo("Newsroom daily digest, " + date(next));
		assertThat(part(all.get(2), "text/plain")).contains(embargoed).doesNotContain(listed);
	}

	@Test
	void aDigestWaitsOutAnSmtpOutageAndGoesOutOnce() throws Exception {
		String reader = SubscriptionFlow.freshEmail("patient-daily");
		this.flow.subscribed(reader, Map.of("scope", "all", "frequency", "daily"));
		String title = "Sent in a digest after the outage " + reader;
		this.stories.story(title).publish();
		// The confirmation email; counted across the outage, as a real server keeps its
		// mail.
		int before = this.mail.to(reader).size();
		this.clock.set(this.window.end().plusSeconds(1));
		this.mail.outage();
		try {
			digestsDue();
		}
		finally {
			this.mail.restart();
		}
		digestsDue();
		assertThat(this.mail.to(reader)).as("waits for its retry").hasSize(before);
		this.clock.advance(Duration.ofMinutes(2));
		digestsDue();
		digestsDue();
		assertThat(this.mail.to(reader)).hasSize(before + 1);
		assertThat(part(this.mail.to(reader).get(before), "text/plain")).contains(title);
	}

	@Test
	void theFormOffersTheDigestAndRefusesAnyOtherFrequency() {
		BackOffice browser = new BackOffice(this.port);
		BackOffice.Page form = browser.get("/subscribe");
		assertThat(form.document().select("#frequency-legend").text()).isEqualTo("How often?");
		assertThat(form.document().select("input[name=frequency]")).extracting((input) -> input.attr("value"))
			.containsExactly("immediate", "daily");
		assertThat(form.document().select("#frequency-immediate").hasAttr("checked")).isTrue();
		assertThat(form.document().select("label[for=frequency-daily]").text()).contains("One email a day",
				"7:00 AM Eastern Time");

		String email = SubscriptionFlow.freshEmail("tampered");
		BackOffice.Page refused = browser.post("/subscribe",
				Map.of("email", email, "scope", "all", "frequency", "hourly"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.document().select("#frequency-error").text())
			.isEqualTo("Choose each story as it is released, or one email a day.");
		assertThat(this.subscribers.findByEmail(email)).isEmpty();

		// The preferences page switches between the two.
		String manage = this.flow.subscribed(SubscriptionFlow.freshEmail("switcher"), Map.of("scope", "all"));
		BackOffice reader = new BackOffice(this.port);
		assertThat(reader.get(manage).document().select("#frequency-immediate").hasAttr("checked")).isTrue();
		BackOffice.Page saved = reader.post(manage, Map.of("scope", "all", "frequency", "daily"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.document().select("#frequency-daily").hasAttr("checked")).isTrue();
		assertThat(reader.post(manage, Map.of("scope", "all", "frequency", "weekly")).status()).isEqualTo(400);
	}

	/** What each node's email thread does: queue the due day's digests, send them. */
	private void digestsDue() {
		this.runner.queue();
		this.runner.sendDue(Integer.MAX_VALUE);
	}

	private List<MimeMessage> titled(String to, String title) {
		return this.mail.to(to).stream().filter((message) -> title.equals(TestMail.subject(message))).toList();
	}

	private static String date(DigestWindows.Window window) {
		return java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US).format(window.date());
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		List<String> found = new ArrayList<>();
		collect(part, type, found);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collect(body, type, found);
			}
		}
		else if (part.isMimeType(type)) {
			found.add((String) part.getContent());
		}
	}

}
