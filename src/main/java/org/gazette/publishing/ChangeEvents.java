package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gazette.platform.Db;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends change events inside the caller's transaction and wakes this node's tail on
 * commit.
 */
@Component
class ChangeEvents {

	private final ChangeEventRepository events;

	private final ChangeEventTail tail;

	private final Clock clock;

	ChangeEvents(ChangeEventRepository events, ChangeEventTail tail, Clock clock) {
		this.events = events;
		this.tail = tail;
		this.clock = clock;
	}

	void articleChanged(String kind, long articleId, Instant effectiveAt) {
		articlesChanged(kind, List.of(articleId), effectiveAt);
	}

	/** One event per article, and one wake-up of the tail for all of them. */
	void articlesChanged(String kind, List<Long> articleIds, Instant effectiveAt) {
		if (articleIds.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		for (long articleId : articleIds) {
			this.events.append(kind, "article", articleId, now, (effectiveAt != null) ? effectiveAt : now);
		}
		wakeTail();
	}

	/**
	 * One event per article, each with its own effective instant, in order, and one
	 * wake-up of the tail for all of them.
	 */
	void articlesChanged(String kind, List<Map.Entry<Long, Instant>> effectiveByArticle) {
		appendAll(kind, "article", effectiveByArticle, this.clock.instant());
	}

	/**
	 * An event about something other than a story that public pages show, such as an
	 * author's profile page.
	 */
	void subjectChanged(String kind, String subjectType, long subjectId) {
		Instant now = this.clock.instant();
		this.events.append(kind, subjectType, subjectId, now, now);
		wakeTail();
	}

	/**
	 * As {@link #subjectChanged} for each of the subjects, in order, with one wake-up of
	 * the tail for all of them.
	 */
	void subjectsChanged(String kind, String subjectType, List<Long> subjectIds) {
		Instant now = this.clock.instant();
		appendAll(kind, subjectType, subjectIds.stream().map((id) -> Map.entry(id, now)).toList(), now);
	}

	/**
	 * One event per subject, occurred now and effective at its own instant, in order, and
	 * one wake-up of the tail for all of them.
	 */
	private void appendAll(String kind, String subjectType, List<Map.Entry<Long, Instant>> effectiveById, Instant now) {
		if (effectiveById.isEmpty()) {
			return;
		}
		this.events.appendAll(effectiveById.stream()
			.map((one) -> new Object[] { Db.utc(now), Db.utc(one.getValue()), kind, subjectType, one.getKey() })
			.toList());
		wakeTail();
	}

	private void wakeTail() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// One wake-up per transaction, however many events it appends: an import's
			// batch appends hundreds, and each poll reads the tail's whole window.
			if (TransactionSynchronizationManager.hasResource(this)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ChangeEvents.this.tail.poll();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ChangeEvents.this);
				}
			});
		}
		else {
			this.tail.poll();
		}
	}

}
