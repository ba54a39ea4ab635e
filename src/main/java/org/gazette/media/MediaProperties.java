package org.gazette.media;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Media library settings, from {@code gazette.media.*}.
 *
 * @param directory where the directory store keeps files; back it up with the database
 * @param maxUploadSize the largest file accepted, counted while it streams in (Spring's
 * multipart limit in application.yaml follows it)
 * @param maxPixels the most pixels an image may have, read from its header before it is
 * decoded, so that a small file claiming huge dimensions (a decompression bomb) is
 * refused without allocating memory for it
 * @param imagesAtOnce how many uploaded images are decoded and resized at the same time
 * on this node; each needs up to 4 bytes a pixel of heap
 * @param imageWait how long an uploaded image waits for its turn before the upload is
 * refused with "try again"
 */
@ConfigurationProperties("gazette.media")
public record MediaProperties(@DefaultValue("./data/media") Path directory,
		@DefaultValue("20MB") DataSize maxUploadSize, @DefaultValue("50000000") long maxPixels,
		@DefaultValue("2") int imagesAtOnce, @DefaultValue("30s") Duration imageWait) {

	public MediaProperties {
		if (imagesAtOnce < 1) {
			throw new IllegalArgumentException("gazette.media.images-at-once must be at least 1");
		}
		if (imageWait.isNegative()) {
			throw new IllegalArgumentException("gazette.media.image-wait must not be negative");
		}
	}

}
