package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.mail.internet.MimeMessage;
import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.support.GazetteNode;
import org.gazette.support.Http;
import org.gazette.platform.Db;
import org.gazette.platform.GazetteProperties;
import org.gazette.subscriptions.TestDigestRunner;
import org.gazette.subscriptions.TestDeliveryRunner;
import org.gazette.support.Stories;
import org.gazette.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embargo guarantee, over real time, on every public channel: stories scheduled a few
 * seconds ahead are on no channel before their release instant and on every channel from
 * that instant on, although every channel was read, and so cached, while they were
 * embargoed. Nothing runs at the release: the rule is applied when a reader asks, and
 * every cache is bounded by the next release instant. One node here, on H2; the same
 * check across two nodes on PostgreSQL is {@link EmbargoAcrossNodesTests}.
 */
class EmbargoAcrossChannelsTests {

	/**
	 * Every public channel that can show a story: where it would show a given story, and
	 * how to tell that it does. Every issue that adds a public channel adds its rows
	 * here; this test and {@link EmbargoAcrossNodesTests} watch them all.
	 */
	static final List<Channel> CHANNELS = List.of(
	// @formatter:off
			new Channel("story page", (story) -> "/news/" + story.slug(), Evidence.PAGE),
			new Channel("home page", (story) -> "/", Evidence.LIST),
			new Channel("all news", (story) -> "/news", Evidence.LIST),
			new Channel("news of its kind", (story) -> "/news/types/" + story.type().code(), Evidence.LIST),
			new Channel("news on its topic", (story) -> "/news?topic=" + story.topic(), Evidence.LIST),
			new Channel("news of its year", (story) -> "/news/years/" + story.year(), Evidence.LIST),
			new Channel("topic page", (story) -> "/topics/" + story.topic(), Evidence.LIST),
			new Channel("author page", (story) -> "/authors/" + story.author(), Evidence.LIST),
			new Channel("search page", (story) -> "/search?q=" + story.word(), Evidence.LIST),
			new Channel("search suggestion", (story) -> "/search?q=" + story.misspelled(), Evidence.WORD),
			new Channel("search API", (story) -> "/api/v1/search?q=" + story.word(), Evidence.LIST),
			new Channel("Atom feed", (story) -> "/feeds/all.atom", Evidence.LIST),
			new Channel("RSS feed", (story) -> "/feeds/all.rss", Evidence.LIST),
			new Channel("Atom feed of its kind", (story) -> "/feeds/types/" + story.type().code() + ".atom", Evidence.LIST),
			new Channel("RSS feed of its kind", (story) -> "/feeds/types/" + story.type().code() + ".rss", Evidence.LIST),
			new Channel("Atom feed of its topic", (story) -> "/feeds/topics/" + story.topic() + ".atom", Evidence.LIST),
			new Channel("RSS feed of its topic", (story) -> "/feeds/topics/" + story.topic() + ".rss", Evidence.LIST),
			new Channel("Atom feed of its author", (story) -> "/feeds/authors/" + story.author() + ".atom", Evidence.LIST),
			new Channel("RSS feed of its author", (story) -> "/feeds/authors/" + story.author() + ".rss", Evidence.LIST),
			// The sitemap index and pages.xml name no story; these do.
			new Channel("stories sitemap", (story) -> "/sitemaps/stories-1.xml", Evidence.ADDRESS),
			new Channel("news sitemap", (story) -> "/sitemaps/news.xml", Evidence.ADDRESS),
			new Channel("articles API", (story) -> "/api/v1/articles", Evidence.LIST),
			new Channel("articles API by kind", (story) -> "/api/v1/articles?type=" + story.type().code(), Evidence.LIST),
			new Channel("articles API by topic", (story) -> "/api/v1/articles?topic=" + story.topic(), Evidence.LIST),
			new Channel("articles API by author", (story) -> "/api/v1/articles?author=" + story.author(), Evidence.LIST),
			new Channel("article API", (story) -> "/api/v1/articles/" + story.slug(), Evidence.PAGE)
			// EMAIL: not a page that readers poll; watched by its own tests below
			// (scheduledStoriesAreEmailedFromTheirReleaseAndNotBefore, and for the daily digest
			// aDigestDueBeforeAReleaseLeavesTheStoryForTheNextDigest), and StoryEmailTests checks
			// that none goes out once a story is taken down or unscheduled, by the same rule.
			// STATIC EXPORT: files written by a command, not answers to requests, so it is not
			// polled here; StaticExportTests checks that an export leaves out a story before its
			// release and that the automatic export runs again at the release instant.
	// @formatter:on
	);

	/** Readers poll each address this often. */
	static final Duration POLL = Duration.ofMillis(100);

	private static GazetteNode node;

	private static TestMail mail;

	@BeforeAll
	static void start() {
		mail = new TestMail();
		node = GazetteNode.onH2("single", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.port());
	}

	@AfterAll
	static void stop() {
		if (node != null) {
			node.close();
		}
		if (mail != null) {
			mail.stop();
		}
	}

	@Test
	void scheduledStoriesAreOnNoChannelBeforeTheirReleaseAndOnEveryChannelFromIt() throws InterruptedException {
		// On one node the rule is read when each request is answered: exact to the
		// instant.
		scheduleAndWatch(node, node, Duration.ZERO);
	}

	/**
	 * The email channel, over real time: a subscriber of every story gets nothing while a
	 * story is scheduled, although release work and deliveries are run again and again
	 * (and the node's own email thread runs too), and exactly one email from its release.
	 */
	@Test
	void scheduledStoriesAreEmailedFromTheirReleaseAndNotBefore() throws InterruptedException {
		String address = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov";
		Instant now = Instant.now();
		node.bean(JdbcClient.class)
			.sql("""
					insert into subscriber (email, status, all_stories, created_at, updated_at, confirmed_at)
					values (:email, 'confirmed', true, :now, :now, :now)""")
			.param("email", address)
			.param("now", Db.utc(now))
			.update();
		String title = "Emailed at release " + address.substring(7, 15);
		long draft = node.stories().story(title).draft();
		Instant release = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
		node.bean(Publishing.class).publish(draft, release);

		int checkedBefore = 0;
		while (true) {
			runReleaseWorkAndDeliveries();
			int received = mail.to(address).size();
			if (!Instant.now().isBefore(release)) {
				break;
			}
			assertThat(received).as("emails before the release").isZero();
			checkedBefore++;
		}
		assertThat(checkedBefore).as("rounds run before the release").isPositive();
		Instant deadline = release.plusSeconds(5);
		while (mail.to(address).isEmpty() && Instant.now().isBefore(deadline)) {
			runReleaseWorkAndDeliveries();
		}
		runReleaseWorkAndDeliveries();
		assertThat(mail.to(address)).extracting(TestMail::subject).containsExactly(title);
	}

	/**
	 * The daily digest, over real time: a digest falls due between two scheduled stories'
	 * releases and is sent while the second is still embargoed. It lists the first and
	 * not the second, and no digest received before the second's release lists it; the
	 * next day's digest (its time reached by reading the digest schedule a day ahead,
	 * while the node still decides on its own clock what is public) lists the second and
	 * not the first.
	 */
	@Test
	void aDigestDueBeforeAReleaseLeavesTheStoryForTheNextDigest() throws InterruptedException {
		String address = "daily-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov";
		node.bean(JdbcClient.class)
			.sql("""
					insert into subscriber (email, status, all_stories, frequency, created_at, updated_at, confirmed_at)
					values (:email, 'confirmed', true, 'daily', :now, :now, :now)""")
			.param("email", address)
			.param("now", Db.utc(Instant.now()))
			.update();
		Stories stories = node.stories();
		long beforeDraft = stories.story("Released before the digest " + address.substring(6, 14))
			.slug("before-digest-" + address.substring(6, 14))
			.draft();
		long afterDraft = stories.story("Released after the digest " + address.substring(6, 14))
			.slug("after-digest-" + address.substring(6, 14))
			.draft();
		// Whole seconds: the digest time is a time of day to the second.
		Instant digestAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		Instant before = digestAt.minusSeconds(1);
		Instant after = digestAt.plusSeconds(2);
		Publishing publishing = node.bean(Publishing.class);
		publishing.publish(beforeDraft, before);
		publishing.publish(afterDraft, after);
		LocalTime time = digestAt.atZone(node.bean(GazetteProperties.class).timeZone()).toLocalTime();
		TestDigestRunner today = TestDigestRunner.at(node.context(), time, 0);

		List<Instant> receivedAt = new ArrayList<>();
		while (Instant.now().isBefore(after)) {
			runReleaseWorkAndDeliveries();
			today.sendDue();
			List<MimeMessage> digests = mail.to(address);
			while (receivedAt.size() < digests.size()) {
				receivedAt.add(Instant.now());
			}
			if (Instant.now().isBefore(after)) {
				assertThat(digests).as("digests received before the second story's release")
					.noneMatch((digest) -> lists(digest, "after-digest-"));
			}
		}
		assertThat(mail.to(address)).as("today's digest").hasSize(1);
		assertThat(receivedAt.get(0)).as("today's digest received before the second release").isBefore(after);
		MimeMessage first = mail.to(address).get(0);
		assertThat(lists(first, "before-digest-")).as("today's digest lists the story released before it").isTrue();
		assertThat(lists(first, "after-digest-")).as("today's digest lists the story released after it").isFalse();

		runReleaseWorkAndDeliveries();
		TestDigestRunner.at(node.context(), time, 1).sendDue();
		assertThat(mail.to(address)).as("today's and the next day's digest").hasSize(2);
		MimeMessage next = mail.to(address).get(1);
		assertThat(lists(next, "after-digest-")).as("the next digest lists the story released since").isTrue();
		assertThat(lists(next, "before-digest-")).as("the next digest repeats an earlier story").isFalse();
	}

	private static boolean lists(MimeMessage digest, String slugPrefix) {
		return TestMail.body(digest).contains("/news/" + slugPrefix);
	}

	/**
	 * One round, as often as readers poll: the node's threads do the same on their own.
	 */
	private static void runReleaseWorkAndDeliveries() throws InterruptedException {
		Thread.sleep(POLL.toMillis());
		node.bean(ReleaseRunner.class).runDue();
		TestDeliveryRunner.sendDue(node.context());
	}

	/**
	 * Schedules three stories of different kinds, topics and authors a few seconds ahead
	 * (a second apart) on one node, and watches every channel of the other (or the same)
	 * node from just after scheduling to a moment after the last release. For each story
	 * and channel: no response received before the release shows it; a response started
	 * within a second of the release shows it; and every response started at or after the
	 * release plus {@code allowance} shows it.
	 * <p>
	 * Every channel must be read, and cached, after the stories are scheduled and before
	 * the first release, so the first story is scheduled 2 seconds ahead, or three times
	 * as long as a round of reading every channel takes on this machine if that is more.
	 */
	static void scheduleAndWatch(GazetteNode writer, GazetteNode reader, Duration allowance)
			throws InterruptedException {
		Stories stories = writer.stories();
		List<Long> earlier = new ArrayList<>();
		List<Long> drafts = new ArrayList<>();
		List<Story> scheduled = new ArrayList<>();
		String[][] plans = {
				{ "news-release", "Coastal Survey", "Ada Quill", "Quokka census opens on the coast", "quokka-census",
						"quokka", "quoka" },
				{ "feature-story", "Marine Life", "Ben Ortiz", "Narwhal tagging season begins", "narwhal-tagging",
						"narwhal", "narwahl" },
				{ "statement", "Import Rules", "Cy Moreno", "Statement on the pangolin import rule", "pangolin-rule",
						"pangolin", "pangolim" } };
		for (String[] plan : plans) {
			ArticleType type = ArticleType.fromCode(plan[0]).orElseThrow();
			Topic topic = stories.topic(plan[1]);
			Author author = stories.author(plan[2]);
			// A story already out in the same kind, topic and author: every listing and
			// feed has something to show, and so is cached, before the release.
			earlier.add(stories.story("Earlier notice on " + plan[1]).type(type).by(author).about(topic).draft());
			drafts.add(stories.story(plan[3])
				.slug(plan[4])
				.type(type)
				.by(author)
				.about(topic)
				.summary("What the " + plan[5] + " news means.")
				.body("The agency's " + plan[5] + " work starts soon.")
				.draft());
			scheduled.add(new Story(plan[3], plan[4], plan[5], plan[6], type, topic.slug(), author.slug(), null));
		}
		Publishing publishing = writer.bean(Publishing.class);
		Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < scheduled.size(); i++) {
			// The addresses do not depend on the instant, only the checks do.
			scheduled.set(i, scheduled.get(i).releasedAt(base));
		}
		ChannelWatch watch = new ChannelWatch(reader.http(), POLL);
		for (Story story : scheduled) {
			for (Channel channel : CHANNELS) {
				watch.look(channel.address().apply(story), story.slug(),
						(response) -> channel.evidence().shows(response, story));
			}
		}
		// Warm the reading node up, then time a round of rendering every channel.
		watch.readAll();
		earlier.forEach((id) -> publishing.publish(id, null));
		Duration round = watch.readAll();
		Duration lead = round.multipliedBy(3).compareTo(Duration.ofSeconds(2)) > 0 ? round.multipliedBy(3)
				: Duration.ofSeconds(2);

		base = Instant.now().plus(lead).truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < scheduled.size(); i++) {
			Story story = scheduled.get(i).releasedAt(base.plusSeconds(i));
			scheduled.set(i, story);
			publishing.publish(drafts.get(i), story.releaseAt());
			watch.wakeAt(story.releaseAt());
		}
		Instant last = scheduled.get(scheduled.size() - 1).releaseAt();
		watch.start(last.plus(allowance).plusSeconds(1));
		watch.finish();

		List<String> problems = new ArrayList<>();
		for (Story story : scheduled) {
			for (Channel channel : CHANNELS) {
				String address = channel.address().apply(story);
				problems.addAll(
						embargoProblems(channel.name() + " " + address, story, watch.observations(address), allowance));
			}
		}
		int responses = watch.addresses().stream().mapToInt((address) -> watch.observations(address).size()).sum();
		System.out.printf(
				"Embargo watch of %s: a round of %d addresses took %d ms, so stories were scheduled %d ms"
						+ " ahead; %d responses%n",
				reader, watch.addresses().size(), round.toMillis(), lead.toMillis(), responses);
		assertThat(problems).as("the embargo on every channel").isEmpty();
	}

	private static List<String> embargoProblems(String where, Story story, List<ChannelWatch.Observation> seen,
			Duration allowance) {
		Instant release = story.releaseAt();
		List<String> problems = new ArrayList<>();
		String what = "'" + story.title() + "' on " + where + ": ";
		if (seen.stream().noneMatch((o) -> o.received().isBefore(release))) {
			problems.add(what + "never read before its release, so the embargo was not checked there");
		}
		for (ChannelWatch.Observation o : seen) {
			long afterRelease = Duration.between(release, o.started()).toMillis();
			if (o.received().isBefore(release) && o.shows(story.slug())) {
				problems.add(what + "shown in a response received " + Duration.between(o.received(), release).toMillis()
						+ " ms before its release");
			}
			if (!o.started().isBefore(release.plus(allowance)) && !o.shows(story.slug())) {
				problems.add(what + "missing from a response started " + afterRelease + " ms after its release"
						+ " (status " + o.status() + ")");
			}
		}
		boolean shownInTime = seen.stream()
			.anyMatch((o) -> !o.started().isBefore(release) && !o.started().isAfter(release.plusSeconds(1))
					&& o.shows(story.slug()));
		if (!shownInTime) {
			problems.add(what + "not shown in any response started within a second of its release");
		}
		if (seen.stream().noneMatch((o) -> !o.started().isBefore(release.plus(allowance)))) {
			problems.add(what + "not read after its release");
		}
		return problems;
	}

	/**
	 * A story as the channels would show it.
	 *
	 * @param word a word only this story holds, to search for
	 * @param misspelled that word misspelled, for which search suggests it
	 * @param topic the topic's slug
	 * @param author the author's slug
	 */
	record Story(String title, String slug, String word, String misspelled, ArticleType type, String topic,
			String author, Instant releaseAt) {

		Story releasedAt(Instant instant) {
			return new Story(this.title, this.slug, this.word, this.misspelled, this.type, this.topic, this.author,
					instant);
		}

		/** The year of its release where the newsroom is (the default time zone). */
		int year() {
			Instant at = (this.releaseAt != null) ? this.releaseAt : Instant.now();
			return at.atZone(ZoneId.of("America/New_York")).getYear();
		}

	}

	/**
	 * A public channel.
	 *
	 * @param name what readers call it
	 * @param address where it would show the story
	 * @param evidence how to tell that it shows the story
	 */
	record Channel(String name, Function<Story, String> address, Evidence evidence) {
	}

	/** How a channel shows a story. */
	enum Evidence {

		/** The story's own address: it answers, with the story's title. */
		PAGE,
		/** A list: it links the story (and names it by its title). */
		LIST,
		/** A sitemap: it gives the story's address only. */
		ADDRESS,
		/** A search for a misspelling: it suggests the story's word. */
		WORD;

		boolean shows(Http.Response response, Story story) {
			String body = response.body();
			return switch (this) {
				case PAGE -> response.status() == 200 && body.contains(story.title());
				case LIST, ADDRESS -> body.contains("/news/" + story.slug());
				case WORD -> body.contains(story.word());
			};
		}

		/** Whether it shows the story's title, so an edit to the title shows there. */
		boolean namesTitles() {
			return this == PAGE || this == LIST;
		}

	}

}
