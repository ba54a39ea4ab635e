package org.gazette.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Class-data sharing for the child JVM of a command (decision 0024), made by the
 * launcher: the JDK cannot archive classes loaded from jars nested in Spring Boot's fat
 * jar, so the child runs from an extracted copy of it (Spring Boot's layout for CDS,
 * written by the jar's own {@code java -Djarmode=tools -jar gazette.jar extract}: the
 * application's classes in a jar whose manifest lists {@code lib/*.jar}), with a dynamic
 * archive of the classes a command loads: written at the exit of the first command
 * ({@code -XX:ArchiveClassesAtExit}), mapped by every later one
 * ({@code -XX:SharedArchiveFile}).
 * <p>
 * The copy lives under {@code ./data/command-jvm/ID}, where ID is the jar's path, size
 * and modification time (a new build is a new copy; copies of other builds unused for
 * {@link #STALE} are deleted when a new one is made), and the archive beside it, one per
 * JDK. Both are made under a temporary name and renamed into place, so two commands
 * started at once each make their own and one wins. Anything that fails leaves the
 * command to the plain child: the cache is an optimisation, never a requirement.
 * <p>
 * Like {@link CommandJvm}, this class must not use Spring.
 */
final class ClassDataCache {

	/** System property: the cache's directory, or {@code off}. */
	static final String CACHE_PROPERTY = "gazette.command-jvm.cache";

	/** Environment variable: the cache's directory, or {@code off}. */
	static final String CACHE_ENVIRONMENT = "GAZETTE_COMMAND_JVM_CACHE";

	/**
	 * System property given to a child run from the copy: the jar the operator started,
	 * which is the build's identity for the static export ({@code CodeIdentity}).
	 */
	public static final String SOURCE_PROPERTY = "gazette.command-jvm.source";

	/** The default cache, beside the server's other files under {@code ./data}. */
	static final Path DEFAULT_ROOT = Path.of("data", "command-jvm");

	/**
	 * How long another build's copy is kept after its last use (a command may run it).
	 */
	static final Duration STALE = Duration.ofMinutes(10);

	/**
	 * Options by which the operator already chose (or refused) an archive of their own.
	 */
	private static final List<String> OWN_SHARING = List.of("-XX:SharedArchiveFile", "-Xshare",
			"-XX:+AutoCreateSharedArchive", "-XX:SharedClassListFile");

	/** The package of the Spring Boot launcher a fat jar's manifest names. */
	private static final String BOOT_LOADER = "org.springframework.boot.loader.";

	/** How long the extract tool may take before the command runs without the copy. */
	static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);

	private ClassDataCache() {
	}

	/**
	 * How to start the child: from the cached copy with its archive (or with the option
	 * that writes it), else as the parent was started ({@code main} unchanged).
	 */
	static Launch launch(String java, List<String> main, List<String> jvmOptions, String root, int javaFeature,
			String jdk) {
		try {
			if (root == null || "off".equalsIgnoreCase(root) || main.size() != 2 || !"-jar".equals(main.get(0))
					|| jvmOptions.stream().anyMatch((option) -> OWN_SHARING.stream().anyMatch(option::startsWith))) {
				return Launch.plain(main);
			}
			Path jar = Path.of(main.get(1)).toAbsolutePath();
			Optional<Path> copy = copyOf(java, jar, Path.of(root).toAbsolutePath());
			if (copy.isEmpty()) {
				return Launch.plain(main);
			}
			Path directory = copy.get().getParent();
			Path archive = directory.resolve("classes-" + digest(jdk).substring(0, 16) + ".jsa");
			List<String> options = new ArrayList<>();
			Path written = null;
			if (Files.isRegularFile(archive)) {
				options.add("-XX:SharedArchiveFile=" + archive);
			}
			else {
				removeStale(directory, (name) -> !name.contains(".tmp-"));
				written = directory.resolve(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
				options.add("-XX:ArchiveClassesAtExit=" + written);
			}
			// The JDK warns on standard output about each class it cannot archive and
			// about an archive it cannot map: the command's output is the operator's.
			options.add("-Xlog:cds*=off");
			if (javaFeature >= 24) {
				options.add("-Xlog:aot*=off");
			}
			options.add("-D" + SOURCE_PROPERTY + "=" + jar);
			return new Launch(options, List.of("-jar", copy.get().toString()), written, archive);
		}
		catch (IOException | RuntimeException ex) {
			return Launch.plain(main);
		}
	}

	/**
	 * The extracted copy's application jar, made now when missing; empty when the jar is
	 * not a Spring Boot fat jar.
	 */
	static Optional<Path> copyOf(String java, Path jar, Path root) throws IOException {
		if (!Files.isRegularFile(jar)) {
			return Optional.empty();
		}
		BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
		String id = digest(jar + "\t" + attributes.size() + "\t" + attributes.lastModifiedTime().toMillis())
			.substring(0, 16);
		Path directory = root.resolve(id);
		Path application = directory.resolve(jar.getFileName());
		if (Files.isRegularFile(application)) {
			try {
				// The mark of its last use, for removeStale.
				Files.setLastModifiedTime(directory, FileTime.from(Instant.now()));
			}
			catch (IOException ex) {
				// A copy that others may read but this user may not touch is still good.
			}
			return Optional.of(application);
		}
		Files.createDirectories(root);
		Path temporary = root.resolve(id + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		try {
			if (!extract(java, jar, temporary)) {
				return Optional.empty();
			}
			try {
				Files.move(temporary, directory, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException ex) {
				// Another command made it at the same time: theirs is as good.
			}
		}
		finally {
			deleteTree(temporary);
		}
		removeStale(root, id::equals);
		return Files.isRegularFile(application) ? Optional.of(application) : Optional.empty();
	}

	/**
	 * Writes Spring Boot's extracted layout of {@code jar} into {@code target} with the
	 * jar's own tool ({@code java -Djarmode=tools -jar JAR extract}): the application's
	 * classes in a jar named as the original, whose manifest lists the libraries copied
	 * into {@code lib/}. False when the jar is not a Spring Boot jar (which would run its
	 * own main instead of the tool) or the tool failed.
	 */
	static boolean extract(String java, Path jar, Path target) throws IOException {
		try (JarFile fat = new JarFile(jar.toFile())) {
			Manifest manifest = fat.getManifest();
			Attributes main = (manifest != null) ? manifest.getMainAttributes() : null;
			String launcher = (main != null) ? main.getValue(Attributes.Name.MAIN_CLASS) : null;
			if (launcher == null || !launcher.startsWith(BOOT_LOADER) || main.getValue("Spring-Boot-Lib") == null) {
				return false;
			}
		}
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", target.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().remove("JDK_JAVA_OPTIONS");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		Process tool = builder.start();
		try {
			if (!tool.waitFor(EXTRACT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				tool.destroyForcibly();
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			tool.destroyForcibly();
			return false;
		}
		return tool.exitValue() == 0 && Files.isRegularFile(target.resolve(jar.getFileName()));
	}

	/**
	 * Deletes what is not {@code kept} in {@code root} and unused for {@link #STALE}:
	 * other builds' copies, and temporary copies or archives left by a command that was
	 * killed.
	 */
	static void removeStale(Path root, Predicate<String> kept) throws IOException {
		Instant before = Instant.now().minus(STALE);
		try (Stream<Path> entries = Files.list(root)) {
			for (Path entry : entries.toList()) {
				if (!kept.test(entry.getFileName().toString())
						&& Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
					deleteTree(entry);
				}
			}
		}
	}

	private static void deleteTree(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// Left for the next clean-up.
		}
	}

	static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The child's extra options and main; after it exits, {@link #finished} puts a newly
	 * written archive in place.
	 */
	record Launch(List<String> options, List<String> main, Path written, Path archive) {

		static Launch plain(List<String> main) {
			return new Launch(List.of(), main, null, null);
		}

		/** Keeps the archive a successful command wrote; removes any other. */
		void finished(int status) {
			if (this.written == null) {
				return;
			}
			try {
				if (status == 0 && Files.isRegularFile(this.written) && Files.size(this.written) > 0) {
					Files.move(this.written, this.archive, StandardCopyOption.ATOMIC_MOVE,
							StandardCopyOption.REPLACE_EXISTING);
				}
				else {
					Files.deleteIfExists(this.written);
				}
			}
			catch (IOException | RuntimeException ex) {
				deleteTree(this.written);
			}
		}

	}

}
