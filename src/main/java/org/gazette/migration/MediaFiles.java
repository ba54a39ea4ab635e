package org.gazette.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.gazette.media.MediaProperties;

import org.springframework.stereotype.Component;

/**
 * The media directory's files, copied out and in as they are. The directory is
 * content-addressed (a file's name is its hash) and files are only added, so a copy made
 * after a database snapshot holds every file that snapshot refers to, and copying a file
 * that is already there can be skipped.
 */
@Component
class MediaFiles {

	private final Path directory;

	MediaFiles(MediaProperties properties) {
		this.directory = properties.directory().toAbsolutePath().normalize();
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Copies every media file to {@code target}, in the same layout; returns how many.
	 */
	long copyAll(Path target) throws IOException {
		return copy(this.directory, target);
	}

	/**
	 * Copies the files under {@code source} into the media directory; returns how many.
	 */
	long copyIn(Path source) throws IOException {
		return copy(source, this.directory);
	}

	static long copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		if (!Files.isDirectory(from)) {
			return 0;
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(from)) {
			files = walk.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.toList();
		}
		for (Path file : files) {
			Path target = to.resolve(from.relativize(file).toString());
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
				Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		return files.size();
	}

}
