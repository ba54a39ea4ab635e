package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryQuery;
import org.gazette.publishing.TopicLink;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues and sends the daily digests on this node. Once a day's digest time has passed,
 * one row per daily subscriber is queued (the unique key on subscriber and day keeps it
 * to one, whichever nodes try). Each digest is built just before it is sent, with the
 * visibility rule as of then: a story released after the window's end waits for the next
 * digest, one taken down is left out, and a digest with no story is not sent. Claiming,
 * sending a batch over one connection, retries and bounces work as for story emails
 * ({@link QueueSending}); nothing here sleeps, {@link DeliveryScheduler} runs it.
 */
@Component
class DigestRunner {

	/** The most stories one digest lists; a newsroom releases far fewer in a day. */
	static final int MAX_STORIES = 100;

	/**
	 * How far back a digest reaches when the previous one is older (no node sent for
	 * days): a week, not the whole archive.
	 */
	static final Duration MAX_CATCH_UP = Duration.ofDays(7);

	private static final Logger logger = LoggerFactory.getLogger(DigestRunner.class);

	private final DigestRepository digests;

	private final DeliveryRepository deliveries;

	private final SubscriberRepository subscribers;

	private final LinkTokens tokens;

	private final Newsroom newsroom;

	private final Content content;

	private final DigestEmails emails;

	private final QueueSending sending;

	private final TransactionTemplate transactions;

	private final DigestWindows windows;

	private final Clock clock;

	private final String node = DeliveryRunner.nodeName();

	/**
	 * The day this node last queued; queueing again the same day would change nothing.
	 */
	private volatile LocalDate queued;

	DigestRunner(DigestRepository digests, DeliveryRepository deliveries, SubscriberRepository subscribers,
			LinkTokens tokens, Newsroom newsroom, Content content, DigestEmails emails, QueueSending sending,
			PlatformTransactionManager transactions, SubscriptionProperties properties, GazetteProperties site,
			Clock clock) {
		this.digests = digests;
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.newsroom = newsroom;
		this.content = content;
		this.emails = emails;
		this.sending = sending;
		this.transactions = new TransactionTemplate(transactions);
		this.windows = new DigestWindows(site.timeZone(), properties.digestAt());
		this.clock = clock;
	}

	/** Queues the latest due day's digests, unless this node did so already. */
	void queueDue() {
		LocalDate due = this.windows.latestDue(this.clock.instant()).date();
		if (!due.equals(this.queued)) {
			queue();
			this.queued = due;
		}
	}

	/**
	 * Queues the latest due day's digests for every daily subscriber not queued for it
	 * yet; returns how many were queued.
	 */
	int queue() {
		Instant now = this.clock.instant();
		DigestWindows.Window window = this.windows.latestDue(now);
		try {
			Integer queued = this.transactions
				.execute((status) -> this.digests.queue(window, window.end().minus(MAX_CATCH_UP), now));
			return (queued != null) ? queued : 0;
		}
		catch (DuplicateKeyException ex) {
			// Another node queued the same rows at the same moment; they stand.
			return 0;
		}
	}

	/**
	 * Sends up to {@code max} due digests; returns how many it handled (sent, skipped,
	 * failed or put back), stopping early when the mail server is unreachable.
	 */
	int sendDue(int max) {
		return this.sending.sendDue(max,
				(now, leaseUntil, limit) -> this.digests.claim(this.node, now, leaseUntil, limit), this::send);
	}

	private boolean send(List<DigestRepository.Digest> batch) {
		Map<Long, String> topicSlugs = new HashMap<>();
		this.content.topics().forEach((Topic topic) -> topicSlugs.put(topic.id(), topic.slug()));
		Map<List<Instant>, List<PublicStory>> released = new HashMap<>();
		Map<Long, Integer> listed = new HashMap<>();
		List<QueueSending.Outgoing> outgoing = new ArrayList<>();
		for (DigestRepository.Digest digest : batch) {
			Optional<Subscriber> subscriber = this.subscribers.find(digest.subscriberId());
			if (subscriber.isEmpty() || subscriber.get().status() != SubscriberStatus.CONFIRMED) {
				finish(digest.id(), "skipped", null, "No longer subscribed");
				continue;
			}
			Choices choices = subscriber.get().choices();
			if (choices.frequency() != Frequency.DAILY) {
				finish(digest.id(), "skipped", null, "No longer on the daily digest");
				continue;
			}
			List<PublicStory> stories = released
				.computeIfAbsent(List.of(digest.windowStart(), digest.windowEnd()),
						(window) -> released(window.get(0), window.get(1)))
				.stream()
				.filter((story) -> follows(choices, topicSlugs, story))
				.toList();
			Set<Long> emailedAlready = new HashSet<>(
					this.deliveries.queuedFor(digest.subscriberId(), stories.stream().map(PublicStory::id).toList()));
			stories = stories.stream().filter((story) -> !emailedAlready.contains(story.id())).toList();
			if (stories.isEmpty()) {
				finish(digest.id(), "skipped", 0, "No new stories");
				continue;
			}
			String token = this.tokens.issue(digest.subscriberId(), LinkTokens.MANAGE);
			listed.put(digest.id(), stories.size());
			outgoing.add(new QueueSending.Outgoing(digest.id(), digest.subscriberId(), digest.attempt(),
					this.emails.email(subscriber.get().email(), digest.date(), stories, token)));
		}
		return this.sending.deliver(outgoing, new QueueSending.Queue() {

			@Override
			public void finish(List<QueueSending.Outgoing> rows, String state, String reason) {
				rows.forEach((row) -> DigestRunner.this.finish(row.id(), state,
						"sent".equals(state) ? listed.get(row.id()) : null, reason));
			}

			@Override
			public void retryLater(QueueSending.Outgoing row, Instant at, String reason, boolean countAttempt) {
				DigestRunner.this.digests.retryLater(row.id(), DigestRunner.this.node, at, reason, countAttempt);
			}

		}, "Daily digests");
	}

	/** Stories public now and released in [start, end), newest first. */
	private List<PublicStory> released(Instant start, Instant end) {
		List<Long> ids = this.newsroom.listAfter(new StoryQuery(null, null, null, start, end), null, MAX_STORIES)
			.stream()
			.map(StoryCard::id)
			.toList();
		return this.newsroom.stories(ids)
			.stream()
			.sorted(Comparator.comparing(PublicStory::releaseAt).thenComparing(PublicStory::id).reversed())
			.toList();
	}

	private static boolean follows(Choices choices, Map<Long, String> topicSlugs, PublicStory story) {
		if (choices.allStories() || choices.typeCodes().contains(story.type().code())) {
			return true;
		}
		Set<String> slugs = new HashSet<>();
		story.topics().stream().map(TopicLink::slug).forEach(slugs::add);
		return choices.topicIds().stream().map(topicSlugs::get).anyMatch(slugs::contains);
	}

	private void finish(long id, String state, Integer stories, String reason) {
		if (!this.digests.finish(id, this.node, state, this.clock.instant(), stories, reason)) {
			logger.info("Daily digest {} was taken over by another node", id);
		}
	}

}
