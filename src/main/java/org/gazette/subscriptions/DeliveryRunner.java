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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gazette.platform.OutgoingMail;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;

import org.springframework.stereotype.Component;

/**
 * Sends queued story emails on this node, a claimed batch at a time
 * ({@link QueueSending}). The story's visibility is checked again just before sending: a
 * story taken down since its release sends nothing more. A batch is prepared with a few
 * statements whatever its size: its stories, its subscribers' addresses and their manage
 * tokens are each read or written at once, and each story is rendered once. Nothing here
 * sleeps; {@link DeliveryScheduler} paces it, tests call {@link #sendDue(int)}.
 */
@Component
class DeliveryRunner {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRunner.class);

	private final DeliveryRepository deliveries;

	private final SubscriberRepository subscribers;

	private final LinkTokens tokens;

	private final Newsroom newsroom;

	private final StoryEmails emails;

	private final QueueSending sending;

	private final Clock clock;

	private final String node;

	DeliveryRunner(DeliveryRepository deliveries, SubscriberRepository subscribers, LinkTokens tokens,
			Newsroom newsroom, StoryEmails emails, QueueSending sending, Clock clock) {
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.newsroom = newsroom;
		this.emails = emails;
		this.sending = sending;
		this.clock = clock;
		this.node = nodeName();
	}

	/**
	 * Sends up to {@code max} due emails; returns how many rows it handled (sent, failed,
	 * skipped or put back), stopping early when the mail server is unreachable.
	 */
	int sendDue(int max) {
		return this.sending.sendDue(max,
				(now, leaseUntil, limit) -> this.deliveries.claim(this.node, now, leaseUntil, limit), this::send);
	}

	private boolean send(List<DeliveryRepository.Delivery> batch) {
		Map<Long, StoryEmails.Rendered> stories = new HashMap<>();
		for (PublicStory story : this.newsroom.stories(List
			.copyOf(new LinkedHashSet<>(batch.stream().map(DeliveryRepository.Delivery::articleId).toList())))) {
			stories.put(story.id(), this.emails.render(story));
		}
		Map<Long, String> addresses = this.subscribers
			.confirmedEmails(batch.stream().map(DeliveryRepository.Delivery::subscriberId).toList());
		List<DeliveryRepository.Delivery> sending = new ArrayList<>();
		List<QueueSending.Outgoing> notPublic = new ArrayList<>();
		List<QueueSending.Outgoing> unsubscribed = new ArrayList<>();
		for (DeliveryRepository.Delivery delivery : batch) {
			if (!stories.containsKey(delivery.articleId())) {
				notPublic.add(row(delivery, null));
			}
			else if (!addresses.containsKey(delivery.subscriberId())) {
				unsubscribed.add(row(delivery, null));
			}
			else {
				sending.add(delivery);
			}
		}
		this.queue.finish(notPublic, "skipped", "The story was not public when the email was due");
		this.queue.finish(unsubscribed, "skipped", "No longer subscribed");
		Map<Long, String> manageTokens = this.tokens
			.issueAll(sending.stream().map(DeliveryRepository.Delivery::subscriberId).toList(), LinkTokens.MANAGE);
		List<QueueSending.Outgoing> outgoing = sending.stream()
			.map((delivery) -> row(delivery,
					stories.get(delivery.articleId())
						.to(addresses.get(delivery.subscriberId()), manageTokens.get(delivery.subscriberId()))))
			.toList();
		return this.sending.deliver(outgoing, this.queue, "Subscriber emails");
	}

	private static QueueSending.Outgoing row(DeliveryRepository.Delivery delivery, OutgoingMail.Email email) {
		return new QueueSending.Outgoing(delivery.id(), delivery.subscriberId(), delivery.attempt(), email);
	}

	private final QueueSending.Queue queue = new QueueSending.Queue() {

		@Override
		public void finish(List<QueueSending.Outgoing> rows, String state, String reason) {
			int finished = DeliveryRunner.this.deliveries.finishAll(
					rows.stream().map(QueueSending.Outgoing::id).toList(), DeliveryRunner.this.node, state,
					DeliveryRunner.this.clock.instant(), reason);
			if (finished < rows.size()) {
				logger.info("{} subscriber emails were taken over by another node", rows.size() - finished);
			}
		}

		@Override
		public void retryLater(QueueSending.Outgoing row, Instant at, String reason, boolean countAttempt) {
			DeliveryRunner.this.deliveries.retryLater(row.id(), DeliveryRunner.this.node, at, reason, countAttempt);
		}

	};

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
