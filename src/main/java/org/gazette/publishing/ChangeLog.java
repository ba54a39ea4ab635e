package org.gazette.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

	/** How far back {@link #missingUpTo} looks for ids not committed yet. */
	static final int LATE_WINDOW = 1000;

	private final ChangeEventRepository events;

	ChangeLog(ChangeEventRepository events) {
		this.events = events;
	}

	public long lastEventId() {
		return this.events.lastId();
	}

	/**
	 * Ids up to {@code eventId} (the newest, as just read) that have no event yet: a
	 * transaction that took one may still commit it. A state built as of {@code eventId}
	 * keeps them, so that {@link #changesSince} finds those events when they come. Read
	 * back over the last thousand ids.
	 */
	public List<Long> missingUpTo(long eventId) {
		long from = Math.max(0, eventId - LATE_WINDOW);
		Set<Long> present = new HashSet<>(this.events.idsBetween(from, eventId));
		List<Long> missing = new ArrayList<>();
		for (long id = from + 1; id <= eventId; id++) {
			if (!present.contains(id)) {
				missing.add(id);
			}
		}
		return missing;
	}

	/**
	 * The subjects of every change since a state built as of event {@code eventId} (such
	 * as a static export), by subject type ({@code article}, {@code topic},
	 * {@code author}, {@code redirect}): the events after it, those with an id it found
	 * {@linkplain #missingUpTo missing} (committed late), and those scheduled earlier
	 * that take effect in {@code [effectiveFrom, effectiveTo]} (a release whose instant
	 * has passed since). Empty when the log no longer holds the event the state was built
	 * as of (or never did, for another database): then what changed cannot be told.
	 * @param effectiveFrom null when nothing was scheduled
	 */
	public Optional<Map<String, Set<Long>>> changesSince(long eventId, Collection<Long> missing, Instant effectiveFrom,
			Instant effectiveTo) {
		if (eventId > this.events.lastId() || (eventId > 0 && !this.events.exists(eventId))) {
			return Optional.empty();
		}
		Map<String, Set<Long>> subjects = new HashMap<>();
		for (ChangeEventRepository.Event event : this.events.subjects(eventId, missing, effectiveFrom, effectiveTo)) {
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
