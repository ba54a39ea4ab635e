package org.gazette.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds how many images are decoded and resized at once. Each holds its whole raster in
 * memory (a 50-megapixel photo is 200 MB), so a newsroom uploading a shoot's worth of
 * photos at once must queue rather than run the server out of memory; an upload that
 * waits too long is told to try again instead of hanging.
 */
@Component
final class ImageWork {

	/** Work on an image that may fail as the work itself does. */
	@FunctionalInterface
	interface Task<T, E extends Exception> {

		T run() throws E;

	}

	private final Semaphore slots;

	private final Duration wait;

	@Autowired
	ImageWork(MediaProperties properties) {
		this(properties.imagesAtOnce(), properties.imageWait());
	}

	/**
	 * @param atOnce how many images may be worked on at the same time
	 * @param wait how long an image waits for its turn before it is refused
	 */
	ImageWork(int atOnce, Duration wait) {
		this.slots = new Semaphore(atOnce, true);
		this.wait = wait;
	}

	/**
	 * Runs the work once a slot is free.
	 * @throws MediaBusyException when no slot was free within the wait
	 */
	<T, E extends Exception> T run(Task<T, E> work) throws E {
		try {
			if (!this.slots.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new MediaBusyException(this.wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MediaBusyException(this.wait);
		}
		try {
			return work.run();
		}
		finally {
			this.slots.release();
		}
	}

}
