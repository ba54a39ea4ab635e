package org.gazette.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This node's release thread: runs due work, then sleeps until the next task is due, at
 * most {@code gazette.release.poll-interval} (work enqueued by other nodes is seen then),
 * and wakes at once when this node enqueues work. Off when
 * {@code gazette.release.enabled} is false, and while Gazette runs an operator's command.
 */
@Component
class ReleaseScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseScheduler.class);

	/**
	 * The pause when work is due but none could be claimed: another node is on it. Keeps
	 * the thread from spinning.
	 */
	private static final Duration BUSY_ELSEWHERE = Duration.ofSeconds(1);

	private final ReleaseRunner runner;

	private final ReleaseProperties properties;

	private final Clock clock;

	private final boolean command;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	ReleaseScheduler(ReleaseRunner runner, ReleaseProperties properties, Clock clock, Environment environment) {
		this.runner = runner;
		this.properties = properties;
		this.clock = clock;
		this.command = environment.containsProperty("gazette.command");
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled() && !this.command;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::loop, "release-work");
		this.thread.setDaemon(true);
		this.thread.start();
		logger.info("Release work runs on this node as {}", this.runner.nodeId());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		wake();
		try {
			// Let a handler that is running finish; its lease covers it if it does not.
			this.thread.join(Duration.ofSeconds(10).toMillis());
			this.thread.interrupt();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@EventListener
	void on(ReleaseWork.ReleaseWorkEnqueued enqueued) {
		wake();
	}

	void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	private void loop() {
		while (this.running) {
			Duration pause;
			try {
				int started = this.runner.runDue();
				pause = (started >= ReleaseRunner.MAX_PER_CALL) ? Duration.ZERO : untilNextDue();
			}
			catch (RuntimeException ex) {
				logger.error("Release work failed on this node; trying again shortly", ex);
				pause = this.properties.pollInterval();
			}
			if (!sleep(pause)) {
				return;
			}
		}
	}

	private Duration untilNextDue() {
		Duration poll = this.properties.pollInterval();
		Optional<Instant> next = this.runner.nextDue();
		if (next.isEmpty()) {
			return poll;
		}
		Duration wait = Duration.between(this.clock.instant(), next.get());
		if (wait.isNegative() || wait.isZero()) {
			return BUSY_ELSEWHERE.compareTo(poll) < 0 ? BUSY_ELSEWHERE : poll;
		}
		return (wait.compareTo(poll) < 0) ? wait : poll;
	}

	/**
	 * Sleeps until the pause is over or someone wakes the thread; false when stopping.
	 */
	private boolean sleep(Duration pause) {
		synchronized (this.signal) {
			try {
				if (!this.woken && !pause.isZero()) {
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
