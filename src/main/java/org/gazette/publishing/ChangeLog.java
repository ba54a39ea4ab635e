package org.gazette.publishing;

import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Reading the change events, for what must catch up after a restart (such as a search
 * index).
 */
@Service
public class ChangeLog {

	private final ChangeEventRepository events;

	ChangeLog(ChangeEventRepository events) {
		this.events = events;
	}

	public long lastEventId() {
		return this.events.lastId();
	}

	/**
	 * Articles with a change event after the given one. Events committed late with a
	 * lower id are caught by also reading back a margin of ids, which costs only a few
	 * redundant updates.
	 */
	public Set<Long> articlesChangedAfter(long eventId) {
		return Set.copyOf(this.events.articlesAfter(Math.max(0, eventId - 1000)));
	}

}
