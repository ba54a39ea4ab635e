package org.gazette.subscriptions;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email subscription settings, from {@code gazette.subscriptions.*}. The SMTP server
 * itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param enabled whether this node sends queued emails; switch it off on a node that must
 * not. Emails are still queued, and other nodes send them.
 * @param sendRate the most emails this node sends per second; several nodes add up, so
 * set it to the SMTP provider's limit divided by the number of nodes
 * @param batchSize how many queued emails a node claims at once
 * @param lease how long a node's claim on a batch holds; a node that stops mid-batch
 * leaves the rest to the others after this
 * @param maxAttempts attempts before an email that keeps failing is given up
 * @param firstRetryAfter the wait after the first temporary failure; it doubles with each
 * further failure
 * @param maxRetryAfter the longest wait between attempts
 * @param pollInterval the longest a node waits before looking for queued emails
 * @param confirmLinkValidity how long a confirmation link works
 * @param manageLinkValidity how long the unsubscribe and preferences links in an email
 * work; long, because one-click unsubscribe must work from old emails
 * @param requestsPerHour subscribe requests one client may make per hour
 * @param digestTime when the daily digest goes out, as {@code HH:mm} in the site's time
 * zone ({@code gazette.time-zone}); each digest lists the stories released since the
 * previous one
 */
@Validated
@ConfigurationProperties("gazette.subscriptions")
record SubscriptionProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("20") @Min(1) @Max(10000) int sendRate, @DefaultValue("100") @Min(1) @Max(10000) int batchSize,
		@DefaultValue("5m") Duration lease, @DefaultValue("8") @Min(1) @Max(100) int maxAttempts,
		@DefaultValue("1m") Duration firstRetryAfter, @DefaultValue("1h") Duration maxRetryAfter,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("48h") Duration confirmLinkValidity,
		@DefaultValue("730d") Duration manageLinkValidity, @DefaultValue("5") @Min(1) int requestsPerHour,
		@DefaultValue("07:00") String digestTime) {

	SubscriptionProperties {
		try {
			LocalTime.parse(digestTime);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"gazette.subscriptions.digest-time must be a time of day such as 07:00, not " + digestTime);
		}
		for (Duration duration : new Duration[] { lease, firstRetryAfter, maxRetryAfter, pollInterval,
				confirmLinkValidity, manageLinkValidity }) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("gazette.subscriptions durations must be positive");
			}
		}
	}

	static SubscriptionProperties defaults() {
		return new SubscriptionProperties(true, 20, 100, Duration.ofMinutes(5), 8, Duration.ofMinutes(1),
				Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofHours(48), Duration.ofDays(730), 5, "07:00");
	}

	/** The daily digest's time of day, in the site's time zone. */
	LocalTime digestAt() {
		return LocalTime.parse(this.digestTime);
	}

	/**
	 * The wait after the given number of failed attempts: 1 min, 2 min, 4 min, ... 1 h.
	 */
	Duration retryAfter(int failedAttempts) {
		Duration wait = this.firstRetryAfter;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.maxRetryAfter) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : wait;
	}

}
