package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.gazette.platform.OutgoingMail;
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
 * retries and bounces work as for story emails ({@link DeliveryRunner}); nothing here
 * sleeps, {@link DeliveryScheduler} runs it.
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

	private final OutgoingMail mail;

	private final TransactionTemplate transactions;

	private final SubscriptionProperties properties;

	private final DigestWindows windows;

	private final Clock clock;

	private final String node = DeliveryRunner.nodeName();

	/**
	 * The day this node last queued; queueing again the same day would change nothing.
	 */
	private volatile LocalDate queued;

	DigestRunner(DigestRepository digests, DeliveryRepository deliveries, SubscriberRepository subscribers,
			LinkTokens tokens, Newsroom newsroom, Content content, DigestEmails emails, OutgoingMail mail,
			PlatformTransactionManager transactions, SubscriptionProperties properties, GazetteProperties site,
			Clock clock) {
		this.digests = digests;
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.newsroom = newsroom;
		this.content = content;
		this.emails = emails;
		this.mail = mail;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
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
		int handled = 0;
		while (handled < max) {
			Instant now = this.clock.instant();
			int limit = Math.min(this.properties.batchSize(), max - handled);
			List<DigestRepository.Digest> batch = this.transactions
				.execute((status) -> this.digests.claim(this.node, now, now.plus(this.properties.lease()), limit));
			if (batch == null || batch.isEmpty()) {
				break;
			}
			handled += batch.size();
			if (!send(batch)) {
				break;
			}
		}
		return handled;
	}

	private boolean send(List<DigestRepository.Digest> batch) {
		Map<Long, String> topicSlugs = new HashMap<>();
		this.content.topics().forEach((Topic topic) -> topicSlugs.put(topic.id(), topic.slug()));
		Map<List<Instant>, List<PublicStory>> released = new HashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			DigestRepository.Digest digest = batch.get(i);
			Optional<Subscriber> subscriber = this.subscribers.find(digest.subscriberId());
			if (subscriber.isEmpty() || subscriber.get().status() != SubscriberStatus.CONFIRMED) {
				finish(digest, "skipped", null, "No longer subscribed");
				continue;
			}
			Choices choices = subscriber.get().choices();
			if (choices.frequency() != Frequency.DAILY) {
				finish(digest, "skipped", null, "No longer on the daily digest");
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
				finish(digest, "skipped", 0, "No new stories");
				continue;
			}
			String token = this.tokens.issue(digest.subscriberId(), LinkTokens.MANAGE);
			OutgoingMail.Delivery outcome = this.mail
				.deliver(this.emails.email(subscriber.get().email(), digest.date(), stories, token));
			switch (outcome) {
				case SENT -> finish(digest, "sent", stories.size(), null);
				case PERMANENT_FAILURE -> this.transactions.executeWithoutResult((status) -> {
					finish(digest, "failed", null, "Refused by the mail server (permanent error)");
					this.subscribers.changeStatus(digest.subscriberId(), SubscriberStatus.BOUNCED,
							this.clock.instant());
				});
				case TEMPORARY_FAILURE -> {
					Instant later = this.clock.instant().plus(this.properties.retryAfter(digest.attempt()));
					if (digest.attempt() >= this.properties.maxAttempts()) {
						finish(digest, "failed", null, "The mail server could not take it; gave up");
					}
					else {
						this.digests.retryLater(digest.id(), this.node, later, "The mail server could not take it",
								true);
					}
					for (DigestRepository.Digest rest : batch.subList(i + 1, batch.size())) {
						this.digests.retryLater(rest.id(), this.node, later, null, false);
					}
					logger.warn("Daily digests paused until {}: the mail server could not take one", later);
					return false;
				}
			}
		}
		return true;
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

	private void finish(DigestRepository.Digest digest, String state, Integer stories, String reason) {
		if (!this.digests.finish(digest.id(), this.node, state, this.clock.instant(), stories, reason)) {
			logger.info("Daily digest {} was taken over by another node", digest.id());
		}
	}

}
