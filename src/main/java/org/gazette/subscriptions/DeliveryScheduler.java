package org.gazette.subscriptions;

import java.time.Duration;

import org.gazette.platform.PollingWorker;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's email thread: sends at most {@code gazette.subscriptions.send-rate} emails
 * per second (story emails first, then daily digests, which it also queues once their
 * time has come), then looks again after {@code poll-interval}, or at once when emails
 * are queued on this node. Off when {@code gazette.subscriptions.enabled} is false, and
 * while Gazette runs an operator's command.
 */
@Component
class DeliveryScheduler implements SmartLifecycle {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private final DeliveryRunner runner;

	private final DigestRunner digests;

	private final SubscriptionProperties properties;

	private final boolean command;

	private final PollingWorker worker;

	DeliveryScheduler(DeliveryRunner runner, DigestRunner digests, SubscriptionProperties properties,
			Environment environment) {
		this.runner = runner;
		this.digests = digests;
		this.properties = properties;
		this.command = environment.containsProperty("gazette.command");
		this.worker = new PollingWorker("subscriber-email", "Subscriber emails", this::step, properties.pollInterval());
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled() && !this.command;
	}

	@Override
	public void start() {
		this.worker.start();
	}

	@Override
	public void stop() {
		this.worker.stop();
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SubscriberEmailHandler.DeliveriesQueued queued) {
		this.worker.wake();
	}

	private Duration step() {
		long started = System.nanoTime();
		int rate = this.properties.sendRate();
		this.digests.queueDue();
		int handled = this.runner.sendDue(rate);
		if (handled < rate) {
			handled += this.digests.sendDue(rate - handled);
		}
		// A full second's worth sent: go on at the next second, else wait for work.
		return (handled >= rate) ? SECOND.minusNanos(Math.min(SECOND.toNanos(), System.nanoTime() - started))
				: this.properties.pollInterval();
	}

}
