package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.platform.Db;
import org.gazette.publishing.EmbargoAcrossChannelsTests.Channel;
import org.gazette.publishing.EmbargoAcrossChannelsTests.Story;
import org.gazette.support.GazetteNode;
import org.gazette.support.Stories;
import org.gazette.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole nodes on one PostgreSQL database, as production runs them behind a load
 * balancer, each with its own caches and search index and the system clock. What one node
 * publishes, schedules or edits shows on every channel of the other within a second, and
 * once the other has shown the change it never serves the old version again.
 */
class EmbargoAcrossNodesTests {

	/** The product's promise: every node shows a change within a second of it. */
	static final Duration WITHIN = Duration.ofSeconds(1);

	private static String url;

	private static GazetteNode a;

	private static GazetteNode b;

	@BeforeAll
	static void start() {
		url = TestDatabase.newPostgresSchemaUrl();
		a = GazetteNode.onPostgres("A", url);
		b = GazetteNode.onPostgres("B", url);
	}

	@AfterAll
	static void stop() {
		for (GazetteNode node : new GazetteNode[] { b, a }) {
			if (node != null) {
				node.close();
			}
		}
		TestDatabase.dropSchemaOf(url);
	}

	@Test
	void storiesScheduledOnOneNodeAreReleasedOnEveryChannelOfTheOther() throws InterruptedException {
		EmbargoAcrossChannelsTests.scheduleAndWatch(a, b, WITHIN);
	}

	@Test
	void aPublishAndAnEditOnOneNodeShowOnTheOtherWithinASecondAndTheOldVersionNeverComesBack()
			throws InterruptedException {
		Stories stories = a.stories();
		Author author = stories.author("Eve Lind");
		Topic topic = stories.topic("Harbor Works");
		String before = "Dredging begins in the north harbor";
		String after = "Dredging finished in the north harbor";
		long edited = stories.story(before)
			.slug("north-harbor-dredging")
			.type(ArticleType.ANNOUNCEMENT)
			.by(author)
			.about(topic)
			// Neither says the title, which the edit changes and the checks look for.
			.summary("Work on the channel.")
			.body("The dredging of the north channel keeps ships moving.")
			.publish();
		Story dredging = new Story(before, "north-harbor-dredging", "dredging", "dreging", ArticleType.ANNOUNCEMENT,
				topic.slug(), author.slug(), null);
		long fresh = stories.story("Lighthouse reopens to visitors")
			.slug("lighthouse-reopens")
			.type(ArticleType.ANNOUNCEMENT)
			.by(author)
			.about(topic)
			.summary("Visitors may climb again.")
			.body("The lighthouse opens its stairs again.")
			.draft();
		Story lighthouse = new Story("Lighthouse reopens to visitors", "lighthouse-reopens", "lighthouse", "lighthuose",
				ArticleType.ANNOUNCEMENT, topic.slug(), author.slug(), null);

		ChannelWatch watch = new ChannelWatch(b.http(), EmbargoAcrossChannelsTests.POLL);
		for (Channel channel : EmbargoAcrossChannelsTests.CHANNELS) {
			watch.look(channel.address().apply(lighthouse), "published",
					(response) -> channel.evidence().shows(response, lighthouse));
			if (channel.evidence().namesTitles()) {
				String address = channel.address().apply(dredging);
				watch.look(address, "edited", (response) -> response.body().contains(after));
				watch.look(address, "old", (response) -> response.body().contains(before));
			}
		}
		// B learns of the first version, and caches it on every channel.
		awaitOnB("/news/north-harbor-dredging", before);
		watch.readAll();

		// Watch B until every address has answered and shown the old title, then change
		// the stories on A; the
		// watch ends a while after the changes, however long they take.
		watch.start(Instant.now().plusSeconds(60));
		watch.awaitShown("old");
		stories.revise(edited, after);
		Publishing publishing = a.bean(Publishing.class);
		Instant started = Instant.now();
		publishing.publish(edited, null);
		// B is also asked right after each deadline, however long publishing took.
		watch.wakeAt(Instant.now().plus(WITHIN));
		publishing.publish(fresh, null);
		Instant done = Instant.now();
		watch.wakeAt(done.plus(WITHIN));
		watch.endAt(done.plus(WITHIN).plusSeconds(2));
		watch.finish();
		Instant editedAt = changedAt(edited);
		Instant publishedAt = changedAt(fresh);

		List<String> problems = new ArrayList<>();
		for (Channel channel : EmbargoAcrossChannelsTests.CHANNELS) {
			String address = channel.address().apply(lighthouse);
			problems.addAll(changeProblems(channel.name() + " " + address + ", published story",
					watch.observations(address), "published", null, publishedAt));
			if (channel.evidence().namesTitles()) {
				address = channel.address().apply(dredging);
				problems.addAll(changeProblems(channel.name() + " " + address + ", edited story",
						watch.observations(address), "edited", "old", editedAt));
			}
		}
		System.out.printf(
				"Publishing on A took %d ms; the last of B's addresses to show the edit did in a response started %d ms after it, the new story %d ms%n",
				Duration.between(started, done).toMillis(), slowest(watch, "edited", editedAt).toMillis(),
				slowest(watch, "published", publishedAt).toMillis());
		assertThat(problems).as("node B after a publish and an edit on node A").isEmpty();
	}

	/**
	 * What is wrong with how an address of B showed a change made on A at the given
	 * instant: every response started from a second after it on shows the change (the
	 * watch asks every address right then), and once a response has shown the change, no
	 * later one shows the old version or lacks the new one.
	 */
	private static List<String> changeProblems(String where, List<ChannelWatch.Observation> seen, String change,
			String old, Instant changed) {
		List<String> problems = new ArrayList<>();
		ChannelWatch.Observation first = seen.stream().filter((o) -> o.shows(change)).findFirst().orElse(null);
		if (first == null) {
			problems.add(where + ": never shown");
			return problems;
		}
		if (old != null && seen.stream().noneMatch((o) -> o.received().isBefore(changed) && o.shows(old))) {
			problems.add(where + ": the old version was not shown before the change, so nothing was checked");
		}
		for (ChannelWatch.Observation o : seen) {
			long after = Duration.between(changed, o.started()).toMillis();
			if (o.received().isBefore(changed) && o.shows(change)) {
				problems.add(where + ": shown in a response received before the change");
			}
			boolean stale = !o.shows(change) || (old != null && o.shows(old));
			if (!o.started().isBefore(changed.plus(WITHIN)) && stale) {
				problems.add(where + ": not shown in a response started " + after + " ms after the change (status "
						+ o.status() + ")");
			}
			else if (o.started().isAfter(first.received()) && stale) {
				problems.add(where + ": shown, then not shown again in a response started " + after
						+ " ms after the change (status " + o.status() + ")");
			}
		}
		if (seen.stream().noneMatch((o) -> !o.started().isBefore(changed.plus(WITHIN)))) {
			problems.add(where + ": not read a second after the change");
		}
		return problems;
	}

	/** The longest time from the change to an address's first response showing it. */
	private static Duration slowest(ChannelWatch watch, String change, Instant changed) {
		Duration slowest = Duration.ZERO;
		for (String address : watch.addresses()) {
			Duration took = watch.observations(address)
				.stream()
				.filter((o) -> o.shows(change))
				.findFirst()
				.map((o) -> Duration.between(changed, o.started()))
				.orElse(Duration.ZERO);
			slowest = (took.compareTo(slowest) > 0) ? took : slowest;
		}
		return slowest;
	}

	/**
	 * When the story's last change was made: its change event, written in the publishing
	 * transaction just before it commits. What B shows is measured from there, not from
	 * when A was asked to publish, which on a busy database can take a while longer.
	 */
	private static Instant changedAt(long articleId) {
		return a.bean(JdbcClient.class)
			.sql("select max(occurred_at) as at from change_event where subject_type = 'article' and subject_id = :id")
			.param("id", articleId)
			.query((rs, n) -> Db.instant(rs, "at"))
			.single();
	}

	/** Waits, up to 10 seconds, for B to show the text at the address. */
	private static void awaitOnB(String address, String text) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(10);
		while (!b.http().get(address).body().contains(text)) {
			assertThat(Instant.now()).as("B shows " + address).isBefore(deadline);
			Thread.sleep(50);
		}
	}

}
