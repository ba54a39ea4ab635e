package org.gazette.publishing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
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
	 * The subjects of every change since a state built as of event {@code eventId} (such
	 * as a static export), by subject type ({@code article}, {@code topic},
	 * {@code author}, {@code redirect}). Events committed late with a lower id are caught
	 * by also reading those that occurred at or after {@code occurredFrom}; changes
	 * scheduled earlier that take effect in {@code [effectiveFrom, effectiveTo]} (a
	 * release whose instant has passed since) count too. Empty when the log no longer
	 * holds the event the state was built as of (or never did, for another database):
	 * then what changed cannot be told.
	 * @param effectiveFrom null when nothing was scheduled
	 */
	public Optional<Map<String, Set<Long>>> changesSince(long eventId, Instant occurredFrom, Instant effectiveFrom,
			Instant effectiveTo) {
		if (eventId > this.events.lastId() || (eventId > 0 && !this.events.exists(eventId))) {
			return Optional.empty();
		}
		Map<String, Set<Long>> subjects = new HashMap<>();
		for (ChangeEventRepository.Event event : this.events.subjects(eventId, occurredFrom, effectiveFrom,
				effectiveTo)) {
			subjects.computeIfAbsent(event.subjectType(), (type) -> new HashSet<>()).add(event.subjectId());
		}
		return Optional.of(subjects);
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
