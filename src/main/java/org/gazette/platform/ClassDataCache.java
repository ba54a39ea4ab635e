package org.gazette.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Class-data sharing for the child JVM of a command (decision 0024), made by the
 * launcher: the JDK cannot archive classes loaded from jars nested in Spring Boot's fat
 * jar, so the child runs from an extracted copy of it (Spring Boot's layout for CDS, as
 * {@code java -Djarmode=tools -jar gazette.jar extract} writes it: the application's
 * classes in a jar whose manifest lists {@code lib/*.jar}), with a dynamic archive of the
 * classes a command loads: written at the exit of the first command
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

	private static final String BOOT_LOADER = "org/springframework/boot/loader/";

	private ClassDataCache() {
	}

	/**
	 * How to start the child: from the cached copy with its archive (or with the option
	 * that writes it), else as the parent was started ({@code main} unchanged).
	 */
	static Launch launch(List<String> main, List<String> jvmOptions, String root, int javaFeature, String jdk) {
		try {
			if (root == null || "off".equalsIgnoreCase(root) || main.size() != 2 || !"-jar".equals(main.get(0))
					|| jvmOptions.stream().anyMatch((option) -> OWN_SHARING.stream().anyMatch(option::startsWith))) {
				return Launch.plain(main);
			}
			Path jar = Path.of(main.get(1)).toAbsolutePath();
			Optional<Path> copy = copyOf(jar, Path.of(root).toAbsolutePath());
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
	static Optional<Path> copyOf(Path jar, Path root) throws IOException {
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
			if (!extract(jar, temporary, jar.getFileName().toString())) {
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
	 * Writes Spring Boot's extracted layout of {@code jar} into {@code target}: the
	 * application's classes and resources in {@code NAME} whose manifest starts the
	 * application and lists the libraries, copied as they are into {@code lib/}.
	 */
	static boolean extract(Path jar, Path target, String name) throws IOException {
		try (JarFile fat = new JarFile(jar.toFile())) {
			Manifest manifest = fat.getManifest();
			Attributes main = (manifest != null) ? manifest.getMainAttributes() : null;
			String start = (main != null) ? main.getValue("Start-Class") : null;
			String classes = (main != null) ? main.getValue("Spring-Boot-Classes") : null;
			String lib = (main != null) ? main.getValue("Spring-Boot-Lib") : null;
			if (start == null || classes == null || lib == null) {
				return false;
			}
			Files.createDirectories(target.resolve("lib"));
			List<String> libraries = libraries(fat, main.getValue("Spring-Boot-Classpath-Index"), lib);
			for (String library : libraries) {
				JarEntry entry = fat.getJarEntry(library);
				try (InputStream in = fat.getInputStream(entry)) {
					Files.copy(in, target.resolve("lib").resolve(fileName(library)));
				}
			}
			Manifest extracted = new Manifest();
			Attributes attributes = extracted.getMainAttributes();
			main.forEach((key, value) -> {
				String attribute = key.toString();
				if (!attribute.startsWith("Spring-Boot-") && !attribute.equals("Start-Class")) {
					attributes.put(key, value);
				}
			});
			attributes.put(Attributes.Name.MAIN_CLASS, start);
			attributes.put(Attributes.Name.CLASS_PATH,
					String.join(" ", libraries.stream().map((library) -> "lib/" + fileName(library)).toList()));
			try (OutputStream file = Files.newOutputStream(target.resolve(name));
					JarOutputStream out = new JarOutputStream(file, extracted)) {
				Set<String> written = new HashSet<>();
				Enumeration<JarEntry> entries = fat.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String path = applicationPath(entry.getName(), classes, lib);
					if (path == null || path.isEmpty() || !written.add(path)) {
						continue;
					}
					out.putNextEntry(new JarEntry(path));
					if (!entry.isDirectory()) {
						try (InputStream in = fat.getInputStream(entry)) {
							in.transferTo(out);
						}
					}
					out.closeEntry();
				}
			}
			return true;
		}
	}

	/** Where a fat jar's entry goes in the application jar; null when it does not. */
	private static String applicationPath(String entry, String classes, String lib) {
		if (entry.startsWith(classes)) {
			return entry.substring(classes.length());
		}
		if (entry.startsWith("BOOT-INF/") || entry.startsWith(lib) || entry.startsWith(BOOT_LOADER)
				|| entry.equals(JarFile.MANIFEST_NAME) || entry.equals("META-INF/")) {
			return null;
		}
		return entry;
	}

	/** The libraries in class-path order: the index's, else the jar's. */
	private static List<String> libraries(JarFile fat, String index, String lib) throws IOException {
		JarEntry indexEntry = (index != null) ? fat.getJarEntry(index) : null;
		if (indexEntry != null) {
			try (InputStream in = fat.getInputStream(indexEntry)) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map((line) -> line.replaceFirst("^- ", "").replace("\"", "").strip())
					.filter((line) -> !line.isEmpty())
					.toList();
			}
		}
		return fat.stream()
			.map(JarEntry::getName)
			.filter((entry) -> entry.startsWith(lib) && entry.endsWith(".jar"))
			.toList();
	}

	private static String fileName(String entry) {
		return entry.substring(entry.lastIndexOf('/') + 1);
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
