package org.gazette.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared worker thread: steps again at once when asked, is woken out of a long pause,
 * survives a step that throws, and stops.
 */
class PollingWorkerTests {

	@Test
	void aWokenWorkerStepsAtOnceInsteadOfWaitingOutItsPause() throws Exception {
		AtomicInteger steps = new AtomicInteger();
		CountDownLatch second = new CountDownLatch(2);
		// A pause of an hour: only a wake-up brings the second step in time.
		PollingWorker worker = new PollingWorker("test-worker", "Test work", () -> {
			steps.incrementAndGet();
			second.countDown();
			return Duration.ofHours(1);
		}, Duration.ofHours(1));
		worker.start();
		try {
			assertThat(worker.isRunning()).isTrue();
			worker.wake();
			assertThat(second.await(20, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			worker.stop();
		}
		assertThat(worker.isRunning()).isFalse();
		assertThat(steps.get()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aStepThatThrowsIsTriedAgainAfterThePauseForFailures() throws Exception {
		CountDownLatch tries = new CountDownLatch(3);
		PollingWorker worker = new PollingWorker("test-worker", "Test work", () -> {
			tries.countDown();
			throw new IllegalStateException("database away");
		}, Duration.ofMillis(1));
		worker.start();
		try {
			assertThat(tries.await(20, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			worker.stop();
		}
	}

	@Test
	void aZeroPauseGoesOnAtOnceAndStopEndsTheThread() throws Exception {
		CountDownLatch many = new CountDownLatch(50);
		PollingWorker worker = new PollingWorker("test-worker", "Test work", () -> {
			many.countDown();
			return Duration.ZERO;
		}, Duration.ofHours(1));
		worker.start();
		worker.start();
		try {
			assertThat(many.await(20, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			worker.stop();
			worker.stop();
		}
		assertThat(worker.isRunning()).isFalse();
	}

}
