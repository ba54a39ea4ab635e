package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gazette.platform.OutgoingMail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What sending story emails ({@link DeliveryRunner}) and daily digests
 * ({@link DigestRunner}) share. Batches are claimed in short transactions until enough
 * rows are handled; a batch goes over one connection to the mail server, and each row
 * then ends sent, failed (a 5xx answer marks the address bounced) or back in the queue
 * with a backoff. When the server could not take an email sending pauses: the first such
 * email counts an attempt, others that failed with it (a lost connection fails the rest)
 * go back without one. Sending is at least once: a node that stops between the server's
 * acceptance and the sent marks leaves the batch to be sent again after its lease.
 */
@Component
class QueueSending {

	private static final Logger logger = LoggerFactory.getLogger(QueueSending.class);

	private final SubscriberRepository subscribers;

	private final OutgoingMail mail;

	private final TransactionTemplate transactions;

	private final SubscriptionProperties properties;

	private final Clock clock;

	QueueSending(SubscriberRepository subscribers, OutgoingMail mail, PlatformTransactionManager transactions,
			SubscriptionProperties properties, Clock clock) {
		this.subscribers = subscribers;
		this.mail = mail;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Claims and sends batches until {@code max} rows are handled, none is due, or a
	 * batch says to pause (its {@code send} returns false).
	 * @return how many rows were handled (sent, failed, skipped or put back)
	 */
	<T> int sendDue(int max, Claim<T> claim, Predicate<List<T>> send) {
		int handled = 0;
		while (handled < max) {
			Instant now = this.clock.instant();
			int limit = Math.min(this.properties.batchSize(), max - handled);
			List<T> batch = this.transactions
				.execute((status) -> claim.claim(now, now.plus(this.properties.lease()), limit));
			if (batch == null || batch.isEmpty()) {
				break;
			}
			handled += batch.size();
			if (!send.test(batch)) {
				break;
			}
		}
		return handled;
	}

	/**
	 * Sends a batch's emails over one connection and records how each went in its queue.
	 * @return false when the server could not take one, so that sending pauses
	 */
	boolean deliver(List<Outgoing> batch, Queue queue, String what) {
		if (batch.isEmpty()) {
			return true;
		}
		List<OutgoingMail.Delivery> outcomes = this.mail.deliverAll(batch.stream().map(Outgoing::email).toList());
		List<Outgoing> sent = new ArrayList<>();
		Instant later = null;
		for (int i = 0; i < batch.size(); i++) {
			Outgoing row = batch.get(i);
			switch (outcomes.get(i)) {
				case SENT -> sent.add(row);
				case PERMANENT_FAILURE -> this.transactions.executeWithoutResult((status) -> {
					queue.finish(List.of(row), "failed", "Refused by the mail server (permanent error)");
					this.subscribers.changeStatus(row.subscriberId(), SubscriberStatus.BOUNCED, this.clock.instant());
				});
				case TEMPORARY_FAILURE -> {
					if (later != null) {
						queue.retryLater(row, later, null, false);
					}
					else {
						later = this.clock.instant().plus(this.properties.retryAfter(row.attempt()));
						if (row.attempt() >= this.properties.maxAttempts()) {
							queue.finish(List.of(row), "failed", "The mail server could not take it; gave up");
						}
						else {
							queue.retryLater(row, later, "The mail server could not take it", true);
						}
					}
				}
			}
		}
		queue.finish(sent, "sent", null);
		if (later != null) {
			logger.warn("{} paused until {}: the mail server could not take one", what, later);
			return false;
		}
		return true;
	}

	/** Claims due rows for this node until {@code leaseUntil}. */
	@FunctionalInterface
	interface Claim<T> {

		List<T> claim(Instant now, Instant leaseUntil, int limit);

	}

	/** Where the rows of a batch end. */
	interface Queue {

		/** Ends the rows in a final state: sent, failed or skipped. */
		void finish(List<Outgoing> rows, String state, String reason);

		/** Puts a row back in the queue until {@code at}. */
		void retryLater(Outgoing row, Instant at, String reason, boolean countAttempt);

	}

	/**
	 * A claimed row's email.
	 *
	 * @param id the queue row
	 * @param subscriberId to whom
	 * @param attempt 1 for the first try
	 * @param email what goes out
	 */
	record Outgoing(long id, long subscriberId, int attempt, OutgoingMail.Email email) {
	}

}
