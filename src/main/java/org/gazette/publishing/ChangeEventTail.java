package org.gazette.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
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

	ChangeEventTail(ChangeEventRepository events, ApplicationEventPublisher publisher, Clock clock) {
		this.events = events;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${gazette.change-events.poll-interval:250ms}")
	synchronized void poll() {
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
