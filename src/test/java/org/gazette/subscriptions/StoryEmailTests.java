package org.gazette.subscriptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.TestReleaseRunner;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story emails at release: sent at the release instant, once, through a real SMTP server
 * that may be down for a while; nothing for a story that is no longer public.
 */
@GazetteWebTest
class StoryEmailTests {

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
	DeliveryRepository deliveries;

	@Autowired
	TransactionTemplate transactions;

	SubscriptionFlow flow;

	@BeforeEach
	void start() {
		this.clock.set(MutableClock.START.plus(Duration.ofDays(100 + SubscriptionPageTests.DAYS.incrementAndGet())));
		this.flow = new SubscriptionFlow(this.port, this.mail);
		// Whatever earlier tests left due goes out now, so each test sees its own.
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
	}

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	/**
	 * A story's emails are queued a chunk of subscribers per transaction (3 here, more
	 * than one chunk of subscribers), and queueing again after a node stopped half-way
	 * queues only the rest: every subscriber once, the rows already queued untouched.
	 */
	@Test
	void emailsAreQueuedInChunksAndAQueueingCutShortIsCompletedOnce() {
		JdbcClient jdbc = this.application.getBean(JdbcClient.class);
		List<Long> readers = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			long id = this.subscribers.insert(SubscriptionFlow.freshEmail("chunk" + i), Choices.everything(),
					this.clock.instant());
			this.subscribers.changeStatus(id, SubscriberStatus.CONFIRMED, this.clock.instant());
			readers.add(id);
		}
		long story = this.stories.story("Queued in chunks " + readers.get(0)).publish();
		// What a node that stopped after its first chunk (up to the third reader) left.
		int first = this.deliveries.enqueue(story, List.of(), "news-release", this.clock.instant(), 0, readers.get(2));
		assertThat(first).isGreaterThanOrEqualTo(3);
		Map<Long, Long> rowsBefore = rows(jdbc, story);

		SubscriberEmailHandler handler = new SubscriberEmailHandler(this.application.getBean(Newsroom.class),
				this.application.getBean(Content.class), this.deliveries, this.application, this.clock,
				this.application.getBean(PlatformTransactionManager.class), 3);
		int rest = handler.queue(story);

		Map<Long, Long> rowsAfter = rows(jdbc, story);
		assertThat(rest).as("queued by the second run").isEqualTo(rowsAfter.size() - rowsBefore.size());
		assertThat(rowsAfter).containsKeys(readers.toArray(Long[]::new)).containsAllEntriesOf(rowsBefore);
		assertThat(jdbc.sql("select count(*) from subscriber_delivery where article_id = :story")
			.param("story", story)
			.query(Long.class)
			.single()).as("one row per subscriber").isEqualTo(rowsAfter.size());
		assertThat(handler.queue(story)).as("a third run").isZero();
	}

	/** The story's queued emails: row id by subscriber. */
	private static Map<Long, Long> rows(JdbcClient jdbc, long story) {
		Map<Long, Long> rows = new HashMap<>();
		jdbc.sql("select id, subscriber_id from subscriber_delivery where article_id = :story")
			.param("story", story)
			.query((rs, row) -> rows.put(rs.getLong("subscriber_id"), rs.getLong("id")))
			.list();
		return rows;
	}

	@Test
	void aScheduledStoryIsEmailedAtItsReleaseOnceToThoseWhoFollowIt() throws Exception {
		Topic topic = this.stories.topic("Customs " + SubscriptionFlow.freshEmail("t").substring(2, 10));
		Topic other = this.stories.topic("Other " + SubscriptionFlow.freshEmail("t").substring(2, 10));
		Author author = this.stories.author("Ana Ruiz");
		String everything = SubscriptionFlow.freshEmail("all");
		String follower = SubscriptionFlow.freshEmail("follower");
		String elsewhere = SubscriptionFlow.freshEmail("elsewhere");
		this.flow.subscribed(everything, Map.of("scope", "all"));
		this.flow.subscribed(follower, Map.of("scope", "some", "topics", Long.toString(topic.id())));
		this.flow.subscribed(elsewhere, Map.of("scope", "some", "topics", Long.toString(other.id())));
		Instant release = this.clock.instant().plus(Duration.ofHours(2));
		String title = "New lanes open at the " + topic.name() + " bridge";
		this.stories.story(title)
			.summary("Two lanes open for trucks & buses.")
			.body("Trucks cross **faster**.\n\n- Lane 7\n- Lane 8")
			.about(topic)
			.by(author)
			.releasedAt(release)
			.publish();

		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(everything, title)).as("not when scheduled").isEmpty();

		this.clock.set(release.plusSeconds(1));
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(everything, title)).hasSize(1);
		assertThat(storyEmails(follower, title)).hasSize(1);
		assertThat(storyEmails(elsewhere, title)).isEmpty();

		MimeMessage email = storyEmails(follower, title).get(0);
		assertThat(((InternetAddress) email.getFrom()[0]).getPersonal())
			.isEqualTo("Office of Trade and Border Modernization");
		String text = part(email, "text/plain");
		String html = part(email, "text/html");
		assertThat(text).contains(title, "By Ana Ruiz", "Two lanes open for trucks & buses.", "Trucks cross faster.",
				"- Lane 7", "https://news.example.gov/news/");
		assertThat(html).contains("<strong>faster</strong>", "By Ana Ruiz", "Two lanes open for trucks &amp; buses.",
				"<html lang=\"en\">");
		String oneClick = email.getHeader("List-Unsubscribe")[0];
		assertThat(oneClick).startsWith("<https://news.example.gov/subscriptions/one-click/").endsWith(">");
		assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(text).contains("https://news.example.gov/subscriptions/unsubscribe/",
				"https://news.example.gov/subscriptions/manage/");

		// RFC 8058: the mail program posts, with no session and no form token.
		HttpResponse<String> unsubscribed = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port
						+ SubscriptionFlow.path(oneClick.substring(1, oneClick.length() - 1))))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unsubscribed.statusCode()).isEqualTo(200);
		assertThat(this.subscribers.findByEmail(follower).orElseThrow().status())
			.isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		HttpResponse<String> tampered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/subscriptions/one-click/nope"))
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tampered.statusCode()).isEqualTo(404);

		String next = "Second story about " + topic.name();
		this.stories.story(next).about(topic).publish();
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(follower, next)).as("unsubscribed").isEmpty();
		assertThat(storyEmails(everything, next)).hasSize(1);
	}

	@Test
	void aStoryTakenDownBeforeItsEmailsGoOutSendsNothing() throws Exception {
		String reader = SubscriptionFlow.freshEmail("reader");
		this.flow.subscribed(reader, Map.of("scope", "all"));
		String queuedTitle = "Queued then taken down " + reader;
		long queued = this.stories.story(queuedTitle).publish();
		TestReleaseRunner.runDue(this.application);
		this.publishing.unpublish(queued);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(reader, queuedTitle)).isEmpty();

		String scheduledTitle = "Scheduled then unscheduled " + reader;
		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long scheduled = this.stories.story(scheduledTitle).releasedAt(release).publish();
		this.publishing.unschedule(scheduled);
		this.clock.set(release.plusSeconds(1));
		TestReleaseRunner.runDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(reader, scheduledTitle)).isEmpty();
	}

	@Test
	void emailsWaitOutAnSmtpOutageAndGoOutOnceWhenItEnds() throws Exception {
		String reader = SubscriptionFlow.freshEmail("patient");
		this.flow.subscribed(reader, Map.of("scope", "all"));
		String title = "Sent after the outage " + reader;
		this.mail.outage();
		try {
			this.stories.story(title).publish();
			TestReleaseRunner.runDue(this.application);
			TestDeliveryRunner.sendDue(this.application);
		}
		finally {
			this.mail.restart();
		}
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(reader, title)).as("waits for its retry").isEmpty();
		this.clock.advance(Duration.ofMinutes(2));
		TestDeliveryRunner.sendDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(reader, title)).hasSize(1);
	}

	@Test
	void emailsClaimedByANodeThatStoppedAreSentByAnotherAfterTheLease() throws Exception {
		String reader = SubscriptionFlow.freshEmail("orphan");
		this.flow.subscribed(reader, Map.of("scope", "all"));
		String title = "Claimed by a node that stopped " + reader;
		this.stories.story(title).publish();
		TestReleaseRunner.runDue(this.application);
		Instant now = this.clock.instant();
		List<DeliveryRepository.Delivery> orphaned = this.transactions
			.execute((status) -> this.deliveries.claim("stopped-node", now, now.plus(Duration.ofMinutes(5)), 1000));
		assertThat(orphaned).isNotEmpty();
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(reader, title)).as("still leased").isEmpty();
		this.clock.advance(Duration.ofMinutes(6));
		TestDeliveryRunner.sendDue(this.application);
		TestDeliveryRunner.sendDue(this.application);
		assertThat(storyEmails(reader, title)).hasSize(1);
	}

	private List<MimeMessage> storyEmails(String to, String title) {
		return this.mail.to(to).stream().filter((message) -> title.equals(TestMail.subject(message))).toList();
	}

	/** The decoded text of the message's part of this type. */
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
