package org.gazette.platform;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that does a step of work, then pauses for as long as the step
 * asks (zero: the next step at once), or until {@link #wake() woken}. The release work
 * and the subscriber emails each run one, so that starting, stopping, waking and
 * surviving a failed step are written once. A step that throws is logged and tried again
 * after {@code afterFailure}; {@link #stop()} lets a running step finish (up to 10
 * seconds).
 */
public final class PollingWorker {

	private static final Logger logger = LoggerFactory.getLogger(PollingWorker.class);

	private final String threadName;

	private final String work;

	private final Supplier<Duration> step;

	private final Duration afterFailure;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	/**
	 * @param threadName the thread's name, as thread dumps show it
	 * @param work what it does, for the log ("Release work")
	 * @param step does some work and returns the pause before the next step
	 * @param afterFailure the pause after a step that threw
	 */
	public PollingWorker(String threadName, String work, Supplier<Duration> step, Duration afterFailure) {
		this.threadName = threadName;
		this.work = work;
		this.step = step;
		this.afterFailure = afterFailure;
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::loop, this.threadName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		wake();
		try {
			// Let a running step finish; the work's lease covers it if it does not.
			this.thread.join(Duration.ofSeconds(10).toMillis());
			this.thread.interrupt();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	/** Ends the current pause at once (work was queued on this node). */
	public void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	private void loop() {
		while (this.running) {
			Duration pause;
			try {
				pause = this.step.get();
			}
			catch (RuntimeException ex) {
				logger.error("{} failed on this node; trying again shortly", this.work, ex);
				pause = this.afterFailure;
			}
			if (!sleep(pause)) {
				return;
			}
		}
	}

	/**
	 * Sleeps until the pause is over or someone wakes the thread; false when stopping.
	 */
	private boolean sleep(Duration pause) {
		synchronized (this.signal) {
			try {
				if (!this.woken && !pause.isZero() && !pause.isNegative()) {
					// Rounded up: waking a little early would find nothing due yet.
					this.signal.wait(Math.max(1, (pause.toNanos() + 999_999) / 1_000_000));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			this.woken = false;
		}
		return this.running;
	}

}
