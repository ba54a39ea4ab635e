package org.gazette.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most so many pieces of one kind of work at a time, the others waiting their turn in
 * order of arrival; work that cannot start within the longest wait is refused, so that a
 * flood of requests is told to come back instead of piling up.
 */
public final class Turns {

	/** Work that may fail as the work itself does. */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T run() throws E;

	}

	private final Semaphore turns;

	private final Duration longestWait;

	/**
	 * @param atOnce how many may run at the same time (at least 1)
	 * @param longestWait how long work waits for its turn before it is refused
	 */
	public Turns(int atOnce, Duration longestWait) {
		if (atOnce < 1 || longestWait.isNegative()) {
			throw new IllegalArgumentException("At least one at once, and a wait that is not negative");
		}
		// Fair: the longest waiting goes next.
		this.turns = new Semaphore(atOnce, true);
		this.longestWait = longestWait;
	}

	/** The longest a piece of work waits for its turn. */
	public Duration longestWait() {
		return this.longestWait;
	}

	/**
	 * Runs the work in its turn.
	 * @param refused the exception thrown when no turn came within the longest wait
	 */
	public <T, E extends Exception> T run(Work<T, E> work, Supplier<? extends RuntimeException> refused) throws E {
		try {
			if (!this.turns.tryAcquire(this.longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw refused.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw refused.get();
		}
		try {
			return work.run();
		}
		finally {
			this.turns.release();
		}
	}

}
