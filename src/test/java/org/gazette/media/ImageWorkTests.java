package org.gazette.media;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How many images are worked on at once, and what happens to the one that waits too long.
 */
class ImageWorkTests {

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void workBeyondTheSlotsWaitsThenIsRefusedAndASlotFreedByAFailureIsReused() throws Exception {
		ImageWork work = new ImageWork(2, Duration.ZERO);
		CountDownLatch busy = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> first = this.threads.submit(() -> hold(work, busy, release));
		Future<?> second = this.threads.submit(() -> hold(work, busy, release));
		busy.await();

		assertThatExceptionOfType(MediaBusyException.class).isThrownBy(() -> work.run(() -> "third"))
			.withMessageContaining("upload the file again in a minute")
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30)));

		release.countDown();
		first.get();
		second.get();
		assertThatIllegalStateException().isThrownBy(() -> work.run(() -> {
			throw new IllegalStateException("the image could not be decoded");
		}));
		assertThat(work.run(() -> "after")).isEqualTo("after");
		assertThat(work.run(() -> "and again")).isEqualTo("and again");
	}

	@Test
	void aWaitingImageGetsTheSlotWhenItFrees() throws Exception {
		ImageWork work = new ImageWork(1, Duration.ofMinutes(1));
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holder = this.threads.submit(() -> hold(work, busy, release));
		busy.await();
		Future<String> waiting = this.threads.submit(() -> work.run(() -> "waited"));
		assertThat(waiting).isNotDone();
		release.countDown();
		assertThat(waiting.get()).isEqualTo("waited");
		holder.get();
	}

	@Test
	void settingsOutOfRangeAreRefusedAtStart() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MediaProperties(null, null, 1, 0, Duration.ZERO))
			.withMessageContaining("images-at-once");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MediaProperties(null, null, 1, 1, Duration.ofSeconds(-1)))
			.withMessageContaining("image-wait");
	}

	private static Void hold(ImageWork work, CountDownLatch busy, CountDownLatch release) throws InterruptedException {
		return work.run(() -> {
			busy.countDown();
			release.await();
			return null;
		});
	}

}
