package org.gazette.publishing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Release work settings, from {@code gazette.release.*}.
 *
 * @param enabled whether this node runs release work; switch it off on a node that must
 * not (a read-only replica). Work is still enqueued, and other nodes run it.
 * @param lease how long a node's claim on a task holds; a node that stops mid-run leaves
 * its task to the others after this
 * @param maxAttempts attempts before a failing task is given up (and shown as failed)
 * @param firstRetryAfter the wait after the first failure; it doubles with each further
 * failure
 * @param maxRetryAfter the longest wait between attempts
 * @param pollInterval the longest this node sleeps before looking for due work (it also
 * wakes at the next due instant, and at once when work is enqueued on it)
 * @param overdueAfter how late work may be before the dashboard shows it as overdue
 * @param nodeId this node's name in claims; by default its host name and process id
 */
@Validated
@ConfigurationProperties("gazette.release")
record ReleaseProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration lease,
		@DefaultValue("10") @Min(1) @Max(100) int maxAttempts, @DefaultValue("30s") Duration firstRetryAfter,
		@DefaultValue("1h") Duration maxRetryAfter, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("5m") Duration overdueAfter, @DefaultValue("") @Pattern(regexp = "[^\\s]{0,100}") String nodeId) {

	ReleaseProperties {
		for (Duration duration : new Duration[] { lease, firstRetryAfter, maxRetryAfter, pollInterval }) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("gazette.release durations must be positive");
			}
		}
		if (overdueAfter == null || overdueAfter.isNegative()) {
			throw new IllegalArgumentException("gazette.release.overdue-after must not be negative");
		}
		nodeId = (nodeId == null || nodeId.isBlank()) ? defaultNodeId() : nodeId;
	}

	/** The settings this class declares as defaults, for tests and hand wiring. */
	static ReleaseProperties defaults() {
		return new ReleaseProperties(true, Duration.ofMinutes(5), 10, Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofSeconds(5), Duration.ofMinutes(5), "");
	}

	ReleaseProperties withNodeId(String node) {
		return new ReleaseProperties(this.enabled, this.lease, this.maxAttempts, this.firstRetryAfter,
				this.maxRetryAfter, this.pollInterval, this.overdueAfter, node);
	}

	ReleaseProperties withMaxAttempts(int attempts) {
		return new ReleaseProperties(this.enabled, this.lease, attempts, this.firstRetryAfter, this.maxRetryAfter,
				this.pollInterval, this.overdueAfter, this.nodeId);
	}

	/**
	 * The wait after the given number of failed attempts: 30 s, 1 min, 2 min, ... 1 h.
	 */
	Duration retryAfter(int failedAttempts) {
		Duration wait = this.firstRetryAfter;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.maxRetryAfter) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : wait;
	}

	private static String defaultNodeId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		String id = host + "-" + ProcessHandle.current().pid();
		return (id.length() > 100) ? id.substring(id.length() - 100) : id;
	}

}
