package org.gazette.subscriptions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gazette.platform.OutgoingMail;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued story emails on this node. A batch is claimed in a short transaction (rows
 * locked with {@code SKIP LOCKED}, marked sending with this node's name and a lease),
 * then each email is sent and its row marked sent, retried later or failed. The story's
 * visibility is checked again just before sending: a story taken down since its release
 * sends nothing more. When the mail server cannot be reached the rest of the batch goes
 * back to the queue for later, without counting an attempt.
 * <p>
 * A batch goes over one connection to the mail server. Sending is at least once: a node
 * that stops between the server's acceptance and the sent marks leaves the rows of the
 * batch it was sending to be sent again after their lease. Nothing here sleeps;
 * {@link DeliveryScheduler} paces it, tests call {@link #sendDue(int)}.
 */
@Component
class DeliveryRunner {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRunner.class);

	private final DeliveryRepository deliveries;

	private final SubscriberRepository subscribers;

	private final LinkTokens tokens;

	private final Newsroom newsroom;

	private final StoryEmails emails;

	private final OutgoingMail mail;

	private final TransactionTemplate transactions;

	private final SubscriptionProperties properties;

	private final Clock clock;

	private final String node;

	DeliveryRunner(DeliveryRepository deliveries, SubscriberRepository subscribers, LinkTokens tokens,
			Newsroom newsroom, StoryEmails emails, OutgoingMail mail, PlatformTransactionManager transactions,
			SubscriptionProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.newsroom = newsroom;
		this.emails = emails;
		this.mail = mail;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
		this.node = nodeName();
	}

	/**
	 * Sends up to {@code max} due emails; returns how many rows it handled (sent, failed,
	 * skipped or put back), stopping early when the mail server is unreachable.
	 */
	int sendDue(int max) {
		int handled = 0;
		while (handled < max) {
			Instant now = this.clock.instant();
			int limit = Math.min(this.properties.batchSize(), max - handled);
			List<DeliveryRepository.Delivery> batch = this.transactions
				.execute((status) -> this.deliveries.claim(this.node, now, now.plus(this.properties.lease()), limit));
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

	/**
	 * Sends a claimed batch over one connection to the mail server; false when the server
	 * could not take an email, so that sending pauses. The first such email counts an
	 * attempt; others that failed with it (a lost connection fails the rest) go back to
	 * the queue without one.
	 */
	private boolean send(List<DeliveryRepository.Delivery> batch) {
		Map<Long, PublicStory> stories = new HashMap<>();
		this.newsroom
			.stories(List
				.copyOf(new LinkedHashSet<>(batch.stream().map(DeliveryRepository.Delivery::articleId).toList())))
			.forEach((story) -> stories.put(story.id(), story));
		List<DeliveryRepository.Delivery> sending = new ArrayList<>();
		List<OutgoingMail.Email> emails = new ArrayList<>();
		for (DeliveryRepository.Delivery delivery : batch) {
			PublicStory story = stories.get(delivery.articleId());
			if (story == null) {
				finish(delivery, "skipped", "The story was not public when the email was due");
				continue;
			}
			Optional<Subscriber> subscriber = this.subscribers.find(delivery.subscriberId());
			if (subscriber.isEmpty() || subscriber.get().status() != SubscriberStatus.CONFIRMED) {
				finish(delivery, "skipped", "No longer subscribed");
				continue;
			}
			String token = this.tokens.issue(delivery.subscriberId(), LinkTokens.MANAGE);
			sending.add(delivery);
			emails.add(this.emails.email(subscriber.get().email(), story, token));
		}
		if (emails.isEmpty()) {
			return true;
		}
		List<OutgoingMail.Delivery> outcomes = this.mail.deliverAll(emails);
		Instant later = null;
		for (int i = 0; i < sending.size(); i++) {
			DeliveryRepository.Delivery delivery = sending.get(i);
			switch (outcomes.get(i)) {
				case SENT -> finish(delivery, "sent", null);
				case PERMANENT_FAILURE -> this.transactions.executeWithoutResult((status) -> {
					finish(delivery, "failed", "Refused by the mail server (permanent error)");
					this.subscribers.changeStatus(delivery.subscriberId(), SubscriberStatus.BOUNCED,
							this.clock.instant());
				});
				case TEMPORARY_FAILURE -> {
					if (later != null) {
						this.deliveries.retryLater(delivery.id(), this.node, later, null, false);
					}
					else {
						later = this.clock.instant().plus(this.properties.retryAfter(delivery.attempt()));
						if (delivery.attempt() >= this.properties.maxAttempts()) {
							finish(delivery, "failed", "The mail server could not take it; gave up");
						}
						else {
							this.deliveries.retryLater(delivery.id(), this.node, later,
									"The mail server could not take it", true);
						}
					}
				}
			}
		}
		if (later != null) {
			logger.warn("Subscriber emails paused until {}: the mail server could not take one", later);
			return false;
		}
		return true;
	}

	private void finish(DeliveryRepository.Delivery delivery, String state, String reason) {
		if (!this.deliveries.finish(delivery.id(), this.node, state, this.clock.instant(), reason)) {
			logger.info("Subscriber email {} was taken over by another node", delivery.id());
		}
	}

	static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		String id = host + "-" + ProcessHandle.current().pid() + "-"
				+ Integer.toHexString(System.identityHashCode(new Object()));
		return (id.length() > 100) ? id.substring(id.length() - 100) : id;
	}

}
