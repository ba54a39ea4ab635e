package org.gazette.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.gazette.content.Topic;
import org.gazette.platform.Db;
import org.gazette.publishing.Publishing;
import org.gazette.support.GazetteNode;
import org.gazette.support.TestDatabase;
import org.gazette.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole nodes on one PostgreSQL schema, each with its own release thread and email
 * thread, as production runs them, sending to one real SMTP server. A story scheduled on
 * one node reaches every subscriber exactly once, however the two nodes' threads
 * interleave, and also when the mail server goes down in the middle of the sending and
 * comes back.
 * <p>
 * The nodes run on the system clock (see {@link GazetteNode}), so the release is a second
 * ahead and the waits here are for conditions, up to a deadline. Each node sends a few
 * emails a second in small batches, so that the sending lasts a few seconds and both
 * nodes take part; each names itself in the Message-ID of what it sends, so the test can
 * tell.
 */
class EmailsAcrossNodesTests {

	/** Emails per second per node: slow enough that both nodes take a share. */
	private static final int SEND_RATE = 4;

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(50);

	private static TestMail mail;

	private static String url;

	private static GazetteNode a;

	private static GazetteNode b;

	@BeforeAll
	static void start() {
		mail = new TestMail();
		url = TestDatabase.newPostgresSchemaUrl();
		a = node("a");
		b = node("b");
	}

	private static GazetteNode node(String name) {
		return GazetteNode.onPostgres(name, url, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.port(),
				// The Message-ID's domain: which node sent the email.
				"--spring.mail.properties.mail.host=node-" + name + ".test",
				"--spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"--spring.mail.properties.mail.smtp.timeout=2000", "--gazette.subscriptions.send-rate=" + SEND_RATE,
				"--gazette.subscriptions.batch-size=2", "--gazette.subscriptions.poll-interval=100ms",
				// An outage of a second or two, not an hour.
				"--gazette.subscriptions.first-retry-after=300ms", "--gazette.subscriptions.max-retry-after=1s",
				"--gazette.subscriptions.max-attempts=20");
	}

	@AfterAll
	static void stop() {
		for (GazetteNode node : new GazetteNode[] { b, a }) {
			if (node != null) {
				node.close();
			}
		}
		if (url != null) {
			TestDatabase.dropSchemaOf(url);
		}
		if (mail != null) {
			mail.stop();
		}
	}

	@Test
	void aStoryScheduledOnOneNodeReachesEverySubscriberOnceWhileBothNodesSend() throws Exception {
		Topic topic = a.stories().topic("Ferries " + UUID.randomUUID().toString().substring(0, 8));
		List<String> readers = confirmedReaders("both", 24, topic);
		String title = "Ferry timetable for the winter " + UUID.randomUUID().toString().substring(0, 8);
		Scheduled story = schedule(title, topic);
		Instant release = story.release();
		long article = story.article();

		await("the release", () -> !Instant.now().isBefore(release), () -> {
			List<MimeMessage> seen = storyEmails(title);
			// Only a look that ended before the release must find nothing.
			if (Instant.now().isBefore(release)) {
				assertThat(seen).as("emails before the release").isEmpty();
			}
		});
		await("every email sent", () -> allSent(article, readers.size()), () -> {
		});

		assertExactlyOneEach(readers, title);
		for (MimeMessage email : storyEmails(title)) {
			assertThat(email.getSentDate()).as("sent from the release on").isAfterOrEqualTo(release.minusSeconds(1));
		}
		Map<String, Long> byNode = bySender(title);
		System.out.printf("Emails sent per node: %s%n", byNode);
		assertThat(byNode).as("both nodes sent a share (emails per Message-ID domain)")
			.containsOnlyKeys("@node-a.test", "@node-b.test");
	}

	@Test
	void anSmtpOutageInTheMiddleOfTheSendingStillEndsWithOneEmailEach() throws Exception {
		Topic topic = a.stories().topic("Bridges " + UUID.randomUUID().toString().substring(0, 8));
		List<String> readers = confirmedReaders("outage", 30, topic);
		String title = "Bridge closed for repairs " + UUID.randomUUID().toString().substring(0, 8);
		long article = schedule(title, topic).article();
		await("the first emails", () -> storyEmails(title).size() >= 6, () -> {
		});
		mail.outage();
		try {
			// Until a node has found the server down and put its email back in the
			// queue; that email and the rest wait for the server.
			await("a failed attempt", () -> failedAttempts(article) > 0, () -> {
			});
		}
		finally {
			mail.restart();
		}
		await("every email sent", () -> allSent(article, readers.size()), () -> {
		});

		assertExactlyOneEach(readers, title);
		assertThat(bySender(title)).as("both nodes sent a share").containsOnlyKeys("@node-a.test", "@node-b.test");
	}

	/**
	 * Inserts confirmed subscribers of the topic, as the confirmation link leaves them. A
	 * topic of their own: the other test's story does not reach them.
	 */
	private static List<String> confirmedReaders(String prefix, int count, Topic topic) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> readers = new ArrayList<>();
		JdbcClient jdbc = a.bean(JdbcClient.class);
		Instant now = Instant.now();
		for (int i = 0; i < count; i++) {
			String address = prefix + "-" + run + "-" + i + "@example.gov";
			jdbc.sql("""
					insert into subscriber (email, status, all_stories, created_at, updated_at, confirmed_at)
					values (:email, 'confirmed', false, :now, :now, :now)""")
				.param("email", address)
				.param("now", Db.utc(now))
				.update();
			jdbc.sql(
					"insert into subscriber_topic (subscriber_id, topic_id) select id, :topic from subscriber where email = :email")
				.param("topic", topic.id())
				.param("email", address)
				.update();
			readers.add(address);
		}
		return readers;
	}

	/** Schedules a story about the topic on node A, a second ahead. */
	private static Scheduled schedule(String title, Topic topic) {
		long draft = a.stories().story(title).about(topic).draft();
		Instant release = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
		a.bean(Publishing.class).publish(draft, release);
		return new Scheduled(draft, release);
	}

	/** Whether the story's queue holds one row per subscriber, all of them sent. */
	private static boolean allSent(long article, int readers) {
		Map<String, Long> states = a.bean(JdbcClient.class)
			.sql("select state, count(*) as n from subscriber_delivery where article_id = :article group by state")
			.param("article", article)
			.query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(states.keySet()).as("states of the story's emails").isSubsetOf("pending", "sending", "sent");
		return states.getOrDefault("sent", 0L) == readers && states.size() == 1;
	}

	/** Rows put back in the queue after the server could not take them. */
	private static long failedAttempts(long article) {
		return a.bean(JdbcClient.class)
			.sql("""
					select count(*) from subscriber_delivery
					where article_id = :article and state = 'pending' and last_error is not null""")
			.param("article", article)
			.query(Long.class)
			.single();
	}

	private static void assertExactlyOneEach(List<String> readers, String title) {
		Map<String, Long> received = new TreeMap<>();
		for (String reader : readers) {
			received.put(reader, mail.to(reader).stream().filter((m) -> title.equals(TestMail.subject(m))).count());
		}
		assertThat(received).as("emails of the story per subscriber").allSatisfy((reader, count) -> {
			assertThat(count).as(reader).isOne();
		});
		assertThat(storyEmails(title)).as("no email of the story to anyone else").hasSize(readers.size());
	}

	private static List<MimeMessage> storyEmails(String title) {
		return mail.all().stream().filter((message) -> title.equals(TestMail.subject(message))).toList();
	}

	/** The story's emails per sending node, by the domain of their Message-ID. */
	private static Map<String, Long> bySender(String title) {
		return storyEmails(title).stream().collect(Collectors.groupingBy((message) -> {
			try {
				String id = message.getMessageID();
				return id.substring(id.lastIndexOf('@'), id.length() - 1);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}, TreeMap::new, Collectors.counting()));
	}

	private record Scheduled(long article, Instant release) {
	}

	/**
	 * Checks {@code meanwhile} every {@link #POLL} until the condition holds, failing
	 * after {@link #DEADLINE}.
	 */
	private static void await(String what, BooleanSupplier condition, Runnable meanwhile) throws InterruptedException {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (!condition.getAsBoolean()) {
			meanwhile.run();
			assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
			Thread.sleep(POLL.toMillis());
		}
	}

}
