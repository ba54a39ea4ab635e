package org.gazette.subscriptions;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's email thread: sends at most {@code gazette.subscriptions.send-rate} emails
 * per second, then looks again after {@code poll-interval}, or at once when emails are
 * queued on this node. Off when {@code gazette.subscriptions.enabled} is false, and while
 * Gazette runs an operator's command.
 */
@Component
class DeliveryScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryScheduler.class);

	private static final Duration SECOND = Duration.ofSeconds(1);

	private final DeliveryRunner runner;

	private final SubscriptionProperties properties;

	private final boolean command;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	DeliveryScheduler(DeliveryRunner runner, SubscriptionProperties properties, Environment environment) {
		this.runner = runner;
		this.properties = properties;
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
		this.thread = new Thread(this::loop, "subscriber-email");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		wake();
		try {
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

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SubscriberEmailHandler.DeliveriesQueued queued) {
		wake();
	}

	private void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	private void loop() {
		while (this.running) {
			long started = System.nanoTime();
			Duration pause;
			try {
				int handled = this.runner.sendDue(this.properties.sendRate());
				// A full second's worth sent: go on at the next second, else wait for
				// work.
				pause = (handled >= this.properties.sendRate())
						? SECOND.minusNanos(Math.min(SECOND.toNanos(), System.nanoTime() - started))
						: this.properties.pollInterval();
			}
			catch (RuntimeException ex) {
				logger.error("Subscriber emails failed on this node; trying again shortly", ex);
				pause = this.properties.pollInterval();
			}
			if (!sleep(pause)) {
				return;
			}
		}
	}

	private boolean sleep(Duration pause) {
		synchronized (this.signal) {
			try {
				if (!this.woken && !pause.isZero() && !pause.isNegative()) {
					this.signal.wait(Math.max(1, pause.toMillis()));
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
