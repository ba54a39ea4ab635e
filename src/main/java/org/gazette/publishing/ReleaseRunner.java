package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the release work that is due, on this node. Each task is claimed in a short
 * transaction of its own ({@code FOR UPDATE SKIP LOCKED}: nodes never wait for each other
 * and never take the same task), marked running with this node's name and a lease, and
 * then run in a second transaction that holds the task's row while the handler works and
 * marks it done. A node that stops mid-run releases the row with its connection; its
 * lease then runs out and another node takes the task over.
 * <p>
 * Time comes from the clock and nothing here sleeps: {@link ReleaseScheduler} calls
 * {@link #runDue()} on a thread, tests call it after moving the clock.
 */
@Component
class ReleaseRunner {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseRunner.class);

	/** Tasks run per call at most, so that one call ends even if work keeps coming. */
	static final int MAX_PER_CALL = 1000;

	private static final int MAX_ERROR_LENGTH = 200;

	private final ReleaseTaskRepository tasks;

	private final ReleaseTaskHandlers handlers;

	private final TransactionTemplate transactions;

	private final ReleaseProperties properties;

	private final Clock clock;

	ReleaseRunner(ReleaseTaskRepository tasks, ReleaseTaskHandlers handlers, PlatformTransactionManager transactions,
			ReleaseProperties properties, Clock clock) {
		this.tasks = tasks;
		this.handlers = handlers;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	String nodeId() {
		return this.properties.nodeId();
	}

	/** Runs every task due now, one at a time; returns how many this node started. */
	int runDue() {
		int started = 0;
		while (started < MAX_PER_CALL) {
			Optional<ReleaseTask> task = claimNext();
			if (task.isEmpty()) {
				break;
			}
			run(task.get());
			started++;
		}
		return started;
	}

	/** When the next task becomes due (or a lease runs out), if any. */
	Optional<Instant> nextDue() {
		return this.tasks.nextDue();
	}

	/** Claims the task due first, for this node, and commits the claim. */
	Optional<ReleaseTask> claimNext() {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Optional<ReleaseTaskRepository.Due> next = this.tasks.lockNextDue(now);
			// Tasks whose nodes kept stopping mid-run are given up, then the next one
			// tried.
			while (next.isPresent() && abandonedTooOften(next.get())) {
				ReleaseTaskRepository.Due due = next.get();
				logger.warn("Release task {} ({}) of story {}: node {} stopped while running it; giving up",
						due.task().id(), due.task().kind(), due.task().articleId(), due.claimedBy());
				this.tasks.giveUp(due, now, "A server stopped while running it, on the last attempt allowed");
				next = this.tasks.lockNextDue(now);
			}
			if (next.isEmpty()) {
				return Optional.<ReleaseTask>empty();
			}
			ReleaseTaskRepository.Due due = next.get();
			if (due.state() == ReleaseTaskState.RUNNING) {
				logger.warn("Release task {} ({}) of story {}: node {} stopped while running it; taking it over",
						due.task().id(), due.task().kind(), due.task().articleId(), due.claimedBy());
			}
			if (!this.tasks.claim(due, nodeId(), now.plus(this.properties.lease()))) {
				return Optional.<ReleaseTask>empty();
			}
			return Optional.of(due.task());
		});
	}

	private boolean abandonedTooOften(ReleaseTaskRepository.Due due) {
		return due.state() == ReleaseTaskState.RUNNING && due.attempts() >= this.properties.maxAttempts();
	}

	/**
	 * Runs a task this node claimed: skipped if its story is not public now, else its
	 * handler runs and the task is marked done in one transaction. Nothing happens if
	 * another node took the task over meanwhile.
	 */
	void run(ReleaseTask task) {
		try {
			Outcome outcome = this.transactions.execute((status) -> {
				if (!this.tasks.lockClaimed(task, nodeId())) {
					return Outcome.LOST;
				}
				if (!this.tasks.isPublic(task.articleId(), this.clock.instant())) {
					this.tasks.finish(task, nodeId(), ReleaseTaskState.SKIPPED, this.clock.instant(),
							"The story was not public when the work was due to run");
					return Outcome.SKIPPED;
				}
				ReleaseTaskHandler handler = this.handlers.find(task.kind())
					.orElseThrow(() -> new MissingHandlerException(task.kind()));
				handler.run(task);
				this.tasks.finish(task, nodeId(), ReleaseTaskState.DONE, this.clock.instant(), null);
				return Outcome.DONE;
			});
			if (outcome == Outcome.LOST) {
				logger.info("Release task {} ({}) of story {} was taken over by another node", task.id(), task.kind(),
						task.articleId());
			}
		}
		catch (RuntimeException ex) {
			failed(task, ex);
		}
	}

	private void failed(ReleaseTask task, RuntimeException ex) {
		Instant now = this.clock.instant();
		String error = describe(ex);
		boolean last = task.attempt() >= this.properties.maxAttempts();
		logger.warn("Release task {} ({}) of story {} failed on attempt {}{}", task.id(), task.kind(), task.articleId(),
				task.attempt(), last ? "; giving up" : "; will retry", ex);
		this.transactions.executeWithoutResult((status) -> {
			if (last) {
				this.tasks.finish(task, nodeId(), ReleaseTaskState.FAILED, now, error);
			}
			else {
				this.tasks.retryLater(task, nodeId(), now.plus(this.properties.retryAfter(task.attempt())), error);
			}
		});
	}

	/**
	 * What went wrong, for the back office: the kind of error only, since a message may
	 * carry personal data (an address a mail server refused); the log has the rest.
	 */
	private static String describe(RuntimeException ex) {
		String error = (ex instanceof MissingHandlerException) ? ex.getMessage()
				: ex.getClass().getSimpleName() + " (details in the server log)";
		return (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
	}

	private enum Outcome {

		DONE, SKIPPED, LOST

	}

	/**
	 * No handler of a task's kind on this node (an older version, or a handler removed).
	 */
	private static final class MissingHandlerException extends RuntimeException {

		MissingHandlerException(String kind) {
			super("No handler for " + kind + " on this node");
		}

	}

}
