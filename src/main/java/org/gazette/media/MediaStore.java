package org.gazette.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * Where media files live. Names are content hashes with a width and an extension
 * ({@link #NAME}), never anything a user typed, so a store can be a directory, or later
 * an S3-compatible bucket, without escaping or traversal concerns.
 */
interface MediaStore {

	/** A stored file's name: SHA-256, optional rendition width, extension. */
	Pattern NAME = Pattern.compile("[0-9a-f]{64}(-[1-9][0-9]{0,4})?\\.(jpg|png|pdf)");

	/**
	 * Stores the file under the name; when a file of that name is already stored, it is
	 * the same content and is kept.
	 */
	void put(String name, Path file) throws IOException;

	Optional<Resource> read(String name);

	boolean exists(String name);

	void delete(String name) throws IOException;

	static String checked(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a media file name: " + name);
		}
		return name;
	}

}
