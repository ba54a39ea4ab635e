package org.gazette.media;

import java.time.Duration;

import org.gazette.platform.Turns;

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

	private final Turns turns;

	@Autowired
	ImageWork(MediaProperties properties) {
		this(properties.imagesAtOnce(), properties.imageWait());
	}

	/**
	 * @param atOnce how many images may be worked on at the same time
	 * @param wait how long an image waits for its turn before it is refused
	 */
	ImageWork(int atOnce, Duration wait) {
		this.turns = new Turns(atOnce, wait);
	}

	/**
	 * Runs the work once a slot is free.
	 * @throws MediaBusyException when no slot was free within the wait
	 */
	<T, E extends Exception> T run(Turns.Work<T, E> work) throws E {
		return this.turns.run(work, () -> new MediaBusyException(this.turns.longestWait()));
	}

}
