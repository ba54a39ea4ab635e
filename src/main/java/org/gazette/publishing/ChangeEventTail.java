package org.gazette.publishing;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the change_event table on this node. Changes made on this node are seen right after
 * their commit; changes made by other nodes within a second.
 */
@Component
class ChangeEventTail {

	private final ChangeEventRepository events;

	private final ApplicationEventPublisher publisher;

	private final AtomicLong seen = new AtomicLong(-1);

	ChangeEventTail(ChangeEventRepository events, ApplicationEventPublisher publisher) {
		this.events = events;
		this.publisher = publisher;
	}

	@Scheduled(fixedDelayString = "${gazette.change-events.poll-interval:1s}")
	void poll() {
		long last = this.events.lastId();
		long before = this.seen.getAndUpdate((previous) -> Math.max(previous, last));
		if (last > before) {
			this.publisher.publishEvent(new PublicContentChanged(last));
		}
	}

}
