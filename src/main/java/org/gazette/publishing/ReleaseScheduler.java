package org.gazette.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gazette.platform.PollingWorker;

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

	private final PollingWorker worker;

	ReleaseScheduler(ReleaseRunner runner, ReleaseProperties properties, Clock clock, Environment environment) {
		this.runner = runner;
		this.properties = properties;
		this.clock = clock;
		this.command = environment.containsProperty("gazette.command");
		this.worker = new PollingWorker("release-work", "Release work", this::step, properties.pollInterval());
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled() && !this.command;
	}

	@Override
	public void start() {
		this.worker.start();
		logger.info("Release work runs on this node as {}", this.runner.nodeId());
	}

	@Override
	public void stop() {
		this.worker.stop();
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

	@EventListener
	void on(ReleaseWork.ReleaseWorkEnqueued enqueued) {
		this.worker.wake();
	}

	private Duration step() {
		int started = this.runner.runDue();
		return (started >= ReleaseRunner.MAX_PER_CALL) ? Duration.ZERO : untilNextDue();
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

}
