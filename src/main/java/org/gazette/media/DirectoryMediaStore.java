package org.gazette.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files in a directory, spread over 256 subdirectories by the first two characters of
 * their hash. A file appears under its name only once complete (written aside, then moved
 * atomically), so a reader never sees half a file and several nodes sharing the directory
 * can store the same file at once.
 */
class DirectoryMediaStore implements MediaStore {

	private final Path root;

	DirectoryMediaStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String name, Path file) throws IOException {
		Path target = path(name);
		if (Files.exists(target)) {
			return;
		}
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling("." + name + "." + UUID.randomUUID() + ".partial");
		try {
			Files.copy(file, partial);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public Optional<Resource> read(String name) {
		Path path = path(name);
		return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
	}

	@Override
	public boolean exists(String name) {
		return Files.isRegularFile(path(name));
	}

	@Override
	public void delete(String name) throws IOException {
		Files.deleteIfExists(path(name));
	}

	/** Every file stored, for tests that check nothing was left behind. */
	long count() throws IOException {
		if (!Files.isDirectory(this.root)) {
			return 0;
		}
		try (var files = Files.walk(this.root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private Path path(String name) {
		MediaStore.checked(name);
		Path path = this.root.resolve(name.substring(0, 2)).resolve(name).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Not a media file name: " + name);
		}
		return path;
	}

}
