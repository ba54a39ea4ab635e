package org.gazette.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must happen once when a publication takes effect (see
 * {@link ReleaseTaskHandler}): enqueued with the publication, run by one node at the
 * release instant, and reported to the back office.
 */
@Service
public class ReleaseWork {

	/** Rows the dashboard shows at most. */
	static final int OVERDUE_LIMIT = 20;

	private final ReleaseTaskRepository tasks;

	private final ReleaseTaskHandlers handlers;

	private final ApplicationEventPublisher events;

	private final ReleaseProperties properties;

	private final Clock clock;

	ReleaseWork(ReleaseTaskRepository tasks, ReleaseTaskHandlers handlers, ApplicationEventPublisher events,
			ReleaseProperties properties, Clock clock) {
		this.tasks = tasks;
		this.handlers = handlers;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Enqueues the work each handler wants for a new publication, in the publishing
	 * transaction. The story's work that was not due yet is skipped: this publication
	 * replaces the one that caused it before it took effect.
	 * @param articleId the story
	 * @param publicationId the new publication
	 * @param kind a first release, or a major or minor update
	 * @param takesEffectAt when readers see it; work for a backdated publication is due
	 * now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(long articleId, long publicationId, PublicationKind kind, Instant takesEffectAt) {
		Instant now = this.clock.instant();
		this.tasks.skipNotYetDue(articleId, now, "Replaced before release");
		Instant due = takesEffectAt.isBefore(now) ? now : takesEffectAt;
		for (ReleaseTaskHandler handler : this.handlers.wanting(kind)) {
			this.tasks.insert(articleId, publicationId, kind, handler.kind(), due, now);
		}
		wakeRunnerAfterCommit();
	}

	/** Work for {@link #enqueueAll}: the arguments of {@link #enqueue}. */
	record NewWork(long articleId, long publicationId, PublicationKind kind, Instant takesEffectAt) {
	}

	/**
	 * As {@link #enqueue} for each, for stories created in this transaction (so none has
	 * work to skip): the same rows, with one statement a hundred.
	 */
	void enqueueAll(List<NewWork> work) {
		Instant now = this.clock.instant();
		List<Object[]> rows = new java.util.ArrayList<>();
		for (NewWork one : work) {
			Instant due = one.takesEffectAt().isBefore(now) ? now : one.takesEffectAt();
			for (ReleaseTaskHandler handler : this.handlers.wanting(one.kind())) {
				rows.add(ReleaseTaskRepository.row(one.articleId(), one.publicationId(), one.kind(), handler.kind(),
						due, now));
			}
		}
		this.tasks.insertAll(rows);
		if (!work.isEmpty()) {
			wakeRunnerAfterCommit();
		}
	}

	/**
	 * Skips the story's work that is not due yet, when it is taken down before its
	 * release.
	 */
	void takenDown(long articleId) {
		this.tasks.skipNotYetDue(articleId, this.clock.instant(), "Taken down before release");
	}

	/**
	 * Moves the story's work that is not due yet to its new release instant, when a
	 * scheduled release is rescheduled.
	 */
	void moved(long articleId, Instant releaseAt) {
		this.tasks.moveNotYetDue(articleId, this.clock.instant(), releaseAt);
		wakeRunnerAfterCommit();
	}

	/** Each piece of the story's release work, newest publication first. */
	@Transactional(readOnly = true)
	public List<ReleaseTaskStatus> status(long articleId) {
		return this.tasks.forArticle(articleId, this.handlers);
	}

	/**
	 * The work of the story's latest publication, the one editors ask about ("was the
	 * release email sent?"), by kind; empty when it has none.
	 */
	@Transactional(readOnly = true)
	public List<ReleaseTaskStatus> latestStatus(long articleId) {
		return this.tasks.forLatestPublication(articleId, this.handlers);
	}

	/**
	 * Work due longer ago than the grace period and not finished (pending, running or
	 * failed), oldest first, at most {@value #OVERDUE_LIMIT}.
	 */
	@Transactional(readOnly = true)
	public List<OverdueReleaseTask> overdue(Duration grace) {
		return this.tasks.overdue(this.clock.instant().minus(grace), OVERDUE_LIMIT, this.handlers);
	}

	/**
	 * Overdue work with the configured grace period,
	 * {@code gazette.release.overdue-after}.
	 */
	@Transactional(readOnly = true)
	public List<OverdueReleaseTask> overdue() {
		return overdue(this.properties.overdueAfter());
	}

	/**
	 * Tries again work that was given up, once whatever made it fail (a mail server, a
	 * disk) is fixed: it runs as soon as a node is free, with a fresh count of attempts,
	 * unless its story is no longer public by then.
	 * @return the story the work is for; empty when the work is not failed (it was
	 * retried or finished meanwhile) or does not exist
	 */
	@Transactional
	public Optional<Long> retry(long taskId) {
		Optional<Long> article = this.tasks.retryFailed(taskId, this.clock.instant());
		article.ifPresent((ignored) -> wakeRunnerAfterCommit());
		return article;
	}

	private void wakeRunnerAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ReleaseWork.this.events.publishEvent(new ReleaseWorkEnqueued());
				}
			});
		}
		else {
			this.events.publishEvent(new ReleaseWorkEnqueued());
		}
	}

	/** This node enqueued work: its runner should look again now. */
	record ReleaseWorkEnqueued() {
	}

}
