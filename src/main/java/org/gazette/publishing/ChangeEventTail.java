package org.gazette.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the change_event table on this node. Changes made on this node are seen right
 * after their commit; changes made by other nodes within a poll interval (a quarter of a
 * second by default, {@code gazette.change-events.poll-interval}), so that every node
 * shows a change within a second of its commit.
 * <p>
 * Ids come from a sequence, and a transaction that took a lower id can commit after one
 * with a higher id, so "the highest id seen" alone would miss it. The tail therefore also
 * re-reads the events of the last {@link #WINDOW} and remembers which of those it has
 * seen.
 */
@Component
class ChangeEventTail {

	/** Longer than any transaction that appends a change event. */
	static final Duration WINDOW = Duration.ofMinutes(2);

	private final ChangeEventRepository events;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Map<Long, Instant> seen = new ConcurrentHashMap<>();

	private volatile long highest = 0;

	/**
	 * Whether this process runs an operator's command: it serves no pages and keeps no
	 * index, so it has nobody to tell; the server's own tail sees the command's events.
	 */
	private final boolean command;

	@Autowired
	ChangeEventTail(ChangeEventRepository events, ApplicationEventPublisher publisher, Clock clock,
			Environment environment) {
		this(events, publisher, clock, environment.containsProperty("gazette.command"));
	}

	ChangeEventTail(ChangeEventRepository events, ApplicationEventPublisher publisher, Clock clock) {
		this(events, publisher, clock, false);
	}

	private ChangeEventTail(ChangeEventRepository events, ApplicationEventPublisher publisher, Clock clock,
			boolean command) {
		this.events = events;
		this.publisher = publisher;
		this.clock = clock;
		this.command = command;
	}

	@Scheduled(fixedDelayString = "${gazette.change-events.poll-interval:250ms}")
	synchronized void poll() {
		if (this.command) {
			// An import would otherwise re-read the last two minutes' events four times a
			// second (7% of its CPU time at 100,000 posts).
			return;
		}
		Instant now = this.clock.instant();
		long newest = 0;
		Set<Long> articles = new HashSet<>();
		for (ChangeEventRepository.Event event : this.events.after(this.highest, now.minus(WINDOW))) {
			if (this.seen.putIfAbsent(event.id(), now) == null) {
				newest = Math.max(newest, event.id());
				if ("article".equals(event.subjectType())) {
					articles.add(event.subjectId());
				}
			}
		}
		this.seen.values().removeIf((at) -> at.isBefore(now.minus(WINDOW.multipliedBy(2))));
		if (newest > 0) {
			this.highest = Math.max(this.highest, newest);
			this.publisher.publishEvent(new PublicContentChanged(newest, articles, false));
		}
	}

}
