package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

import org.gazette.content.Content;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.OutgoingMail;
import org.gazette.publishing.Newsroom;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The daily digest of a running application at a digest time a test chooses (a node's own
 * is fixed at its start), built from the application's own beans and clock, so that a
 * test over real time can have a digest fall due between two releases.
 */
public final class TestDigestRunner {

	private final DigestRunner runner;

	private TestDigestRunner(DigestRunner runner) {
		this.runner = runner;
	}

	/**
	 * The digests due at {@code digestTime} each day in the site's time zone, read
	 * {@code daysAhead} days ahead of the application's clock: 1 is the next day's
	 * digest, which lists what was released since today's. Queueing and claiming go by
	 * that clock too (a digest queued a day ahead is due a day ahead); which stories are
	 * public is still read by the application, on its own clock.
	 */
	public static TestDigestRunner at(ApplicationContext application, LocalTime digestTime, int daysAhead) {
		SubscriptionProperties p = application.getBean(SubscriptionProperties.class);
		SubscriptionProperties properties = new SubscriptionProperties(p.enabled(), p.sendRate(), p.batchSize(),
				p.lease(), p.maxAttempts(), p.firstRetryAfter(), p.maxRetryAfter(), p.pollInterval(),
				p.confirmLinkValidity(), p.manageLinkValidity(), p.requestsPerHour(), digestTime.toString());
		Clock clock = Clock.offset(application.getBean(Clock.class), Duration.ofDays(daysAhead));
		return new TestDigestRunner(new DigestRunner(application.getBean(DigestRepository.class),
				application.getBean(DeliveryRepository.class), application.getBean(SubscriberRepository.class),
				application.getBean(LinkTokens.class), application.getBean(Newsroom.class),
				application.getBean(Content.class), application.getBean(DigestEmails.class),
				new QueueSending(application.getBean(SubscriberRepository.class),
						application.getBean(OutgoingMail.class), application.getBean(PlatformTransactionManager.class),
						properties, clock),
				application.getBean(PlatformTransactionManager.class), properties,
				application.getBean(GazetteProperties.class), clock));
	}

	/** Queues the digests that are due, as a node's email thread does, and sends them. */
	public int sendDue() {
		this.runner.queueDue();
		return this.runner.sendDue(Integer.MAX_VALUE);
	}

}
