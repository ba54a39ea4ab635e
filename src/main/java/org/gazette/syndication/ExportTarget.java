package org.gazette.syndication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where an export goes, and how it replaces the previous one at once. {@code DIR} is a
 * symbolic link to the current export, a directory in {@code DIR.versions}. A new export
 * is written to a new directory there, and the link is then swapped to it with one
 * {@code rename}: a web server serving {@code DIR} sees the old export or the new one,
 * never a mix, and an export that fails or is killed halfway leaves the old one complete
 * and in place. The previous export is kept beside the current one (to roll back by hand,
 * and so that the next export can keep unchanged files by hard link); older ones are
 * deleted. A lock file keeps two exports from writing to the same place at once.
 */
final class ExportTarget implements AutoCloseable {

	private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path link;

	private final Path versions;

	private final FileChannel lockFile;

	private final FileLock lock;

	private ExportTarget(Path link, Path versions, FileChannel lockFile, FileLock lock) {
		this.link = link;
		this.versions = versions;
		this.lockFile = lockFile;
		this.lock = lock;
	}

	/**
	 * Checks the place and takes its lock.
	 * @throws ExportException when it cannot hold an export, with what to do instead
	 */
	static ExportTarget open(Path directory) throws ExportException {
		Path link = directory.toAbsolutePath().normalize();
		Path parent = link.getParent();
		if (parent == null) {
			throw new ExportException("Cannot export to " + link + ": give a directory below the root.");
		}
		if (Files.exists(parent) && !Files.isDirectory(parent)) {
			throw new ExportException("Cannot export to " + link + ": " + parent + " is a file, not a directory.");
		}
		Path versions = parent.resolve(link.getFileName() + ".versions");
		if (Files.isSymbolicLink(link)) {
			if (!isOurs(link, versions)) {
				throw new ExportException("Cannot export to " + link + ": it is a symbolic link that Gazette did not "
						+ "make. Remove it or give another path.");
			}
		}
		else if (Files.isRegularFile(link)) {
			throw new ExportException("Cannot export to " + link
					+ ": it is a file. Give the path of a directory (it need not exist yet).");
		}
		else if (Files.isDirectory(link) && !isEmpty(link)) {
			throw new ExportException("Cannot export to " + link + ": it is a directory that Gazette did not make. "
					+ "Give a new path: Gazette makes it a link to the current export.");
		}
		try {
			Files.createDirectories(versions);
			FileChannel channel = FileChannel.open(versions.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new ExportException(
						"Another export to " + link + " is running. Wait for it to finish, then try again.");
			}
			return new ExportTarget(link, versions, channel, lock);
		}
		catch (AccessDeniedException ex) {
			throw new ExportException("Cannot export to " + link + ": no permission to write " + ex.getFile() + ".",
					ex);
		}
		catch (FileSystemException ex) {
			throw new ExportException("Cannot export to " + link + ": cannot write " + ex.getFile()
					+ ((ex.getReason() != null) ? " (" + ex.getReason() + ")" : "") + ".", ex);
		}
		catch (IOException ex) {
			throw new ExportException("Cannot export to " + link + ": " + ex.getMessage(), ex);
		}
	}

	/** The path readers and web servers use: a link to the current export. */
	Path link() {
		return this.link;
	}

	/** The directory of the current export, or null before the first. */
	Path current() {
		try {
			return Files.isSymbolicLink(this.link) ? this.link.toRealPath() : null;
		}
		catch (IOException ex) {
			// The link points at nothing (deleted by hand): start afresh.
			return null;
		}
	}

	/** The current export's manifest, or null. */
	ExportManifest currentManifest() {
		Path current = current();
		return (current != null) ? ExportManifest.read(manifestOf(current)) : null;
	}

	/**
	 * The links of each page of the current export ({@link ExportLinks}), or null when
	 * there is no current export or its links were not kept.
	 */
	Map<String, List<String>> currentLinks() {
		Path current = current();
		return (current != null) ? ExportLinks.read(linksOf(current)) : null;
	}

	/** A new, empty directory for an export made now. */
	Path create(Instant now) throws IOException {
		String name = VERSION.format(now);
		Path version = this.versions.resolve(name);
		for (int n = 2; Files.exists(version) || Files.exists(manifestOf(version))
				|| Files.exists(linksOf(version)); n++) {
			version = this.versions.resolve(name + "-" + n);
		}
		return Files.createDirectory(version);
	}

	/**
	 * Makes the export in {@code version} the current one, in one rename of the link,
	 * then deletes every export but it and the one it replaces.
	 */
	void publish(Path version, ExportManifest manifest, Map<String, List<String>> links) throws IOException {
		Path previous = current();
		ExportLinks.write(linksOf(version), links);
		manifest.write(manifestOf(version));
		Path swap = this.link.resolveSibling("." + this.link.getFileName() + ".swap-" + version.getFileName());
		Files.deleteIfExists(swap);
		Files.createSymbolicLink(swap, this.link.getParent().relativize(version));
		if (Files.isDirectory(this.link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			// An empty directory the operator made for the first export.
			Files.delete(this.link);
		}
		Files.move(swap, this.link, StandardCopyOption.ATOMIC_MOVE);
		clean(version, previous);
	}

	/** Deletes an export that will not be published. */
	void discard(Path version) {
		delete(version);
		try {
			Files.deleteIfExists(manifestOf(version));
			Files.deleteIfExists(linksOf(version));
		}
		catch (IOException ex) {
			// Deleted with the next export's clean-up.
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.lockFile.close();
		}
		catch (IOException ex) {
			// The lock goes with the process anyway.
		}
	}

	private void clean(Path current, Path previous) throws IOException {
		List<Path> old = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.versions)) {
			for (Path entry : entries) {
				Path version = entry
					.resolveSibling(entry.getFileName().toString().replaceFirst("\\.(manifest|links)(\\.tmp)?$", ""));
				if (!entry.getFileName().toString().startsWith(".") && !sameFile(version, current)
						&& !sameFile(version, previous)) {
					old.add(entry);
				}
			}
		}
		for (Path entry : old) {
			delete(entry);
		}
	}

	private static boolean sameFile(Path a, Path b) {
		return b != null && a.getFileName().equals(b.getFileName());
	}

	private static Path manifestOf(Path version) {
		return version.resolveSibling(version.getFileName() + ".manifest");
	}

	private static Path linksOf(Path version) {
		return version.resolveSibling(version.getFileName() + ".links");
	}

	private static boolean isOurs(Path link, Path versions) {
		try {
			Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
			return versions.equals(target.getParent());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isEmpty(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void delete(Path path) {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(path)) {
			tree.sorted(Comparator.reverseOrder()).forEach((entry) -> {
				try {
					Files.delete(entry);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// Left for the next export's clean-up.
		}
	}

}
