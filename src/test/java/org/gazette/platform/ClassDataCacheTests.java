package org.gazette.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class-data cache with real JVMs, started as an operator starts Gazette
 * ({@code java -jar JAR COMMAND}) from a jar laid out and launched as Spring Boot's
 * ({@link #fatJar}), which the jar's own extract tool copies.
 * {@code -Dgazette.test.java=PATH} runs them with another JDK (such as 25; the archive's
 * options differ by version).
 */
class ClassDataCacheTests {

	private static final String JAVA = System.getProperty("gazette.test.java",
			Path.of(System.getProperty("java.home"), "bin", "java").toString());

	private static final List<Class<?>> PROBE = List.of(CommandJvmProbe.class, CommandJvm.class, ClassDataCache.class);

	@TempDir
	Path directory;

	@Test
	void theFirstCommandWritesTheArchiveAndLaterOnesMapItFromTheCopy() throws Exception {
		Path jar = fatJar("gazette.jar");
		Path cache = this.directory.resolve("cache");
		Run first = run(jar, cache, "7");
		assertThat(first.status()).as(first.err()).isEqualTo(7);
		// A failed command's archive is not kept; the next one tries again.
		assertThat(archives(cache)).isEmpty();
		Run training = run(jar, cache, "0");
		assertThat(training.status()).isZero();
		assertThat(training.out()).contains("-XX:ArchiveClassesAtExit=", "-XX:TieredStopAtLevel=1");
		Path copy = onlyCopy(cache);
		assertThat(copy.resolve("gazette.jar")).isRegularFile();
		assertThat(copy.resolve("lib/probe-library.jar")).isRegularFile();
		assertThat(archives(cache)).hasSize(1);
		Run later = run(jar, cache, "0");
		assertThat(later.status()).isZero();
		assertThat(later.out()).contains("-XX:SharedArchiveFile=" + archives(cache).get(0))
			.contains("class path: " + copy.resolve("gazette.jar"))
			.contains("source: " + jar)
			.contains("library: true")
			.contains("read: a line typed by the operator")
			.doesNotContain("[warning]", "[error]", "[info]");
		assertThat(later.err()).isEqualTo("a line on standard error" + System.lineSeparator());
		try (Stream<Path> files = Files.walk(cache)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.contains(".tmp-"));
		}
	}

	@Test
	void aNewBuildGetsItsOwnCopyAndCopiesUnusedForLongAreRemoved() throws Exception {
		Path jar = fatJar("gazette.jar");
		Path cache = this.directory.resolve("cache");
		assertThat(run(jar, cache, "0").status()).isZero();
		Path old = onlyCopy(cache);
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(ClassDataCache.STALE.multipliedBy(2))));
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		Run rebuilt = run(jar, cache, "0");
		assertThat(rebuilt.status()).isZero();
		assertThat(rebuilt.out()).contains("-XX:ArchiveClassesAtExit=");
		assertThat(onlyCopy(cache)).isNotEqualTo(old);
	}

	@Test
	void twoCommandsStartedAtOnceBothRunAndLeaveOneCopy() throws Exception {
		Path jar = fatJar("gazette.jar");
		Path cache = this.directory.resolve("cache");
		CompletableFuture<Run> one = CompletableFuture.supplyAsync(() -> runUnchecked(jar, cache));
		CompletableFuture<Run> two = CompletableFuture.supplyAsync(() -> runUnchecked(jar, cache));
		assertThat(one.get(120, TimeUnit.SECONDS).status()).isZero();
		assertThat(two.get(120, TimeUnit.SECONDS).status()).isZero();
		onlyCopy(cache);
		assertThat(archives(cache)).hasSize(1);
		try (Stream<Path> files = Files.walk(cache)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.contains(".tmp-"));
		}
		assertThat(run(jar, cache, "0").out()).contains("-XX:SharedArchiveFile=");
	}

	@Test
	void aCacheThatCannotBeWrittenLeavesThePlainChild() throws Exception {
		Path jar = fatJar("gazette.jar");
		Path notADirectory = Files.writeString(this.directory.resolve("cache"), "a file");
		Run run = run(jar, notADirectory, "3");
		assertThat(run.status()).isEqualTo(3);
		assertThat(run.out()).contains("-XX:TieredStopAtLevel=1", "class path: " + jar)
			.doesNotContain("ArchiveClassesAtExit", "SharedArchiveFile");
		assertThat(run.err()).isEqualTo("a line on standard error" + System.lineSeparator());
	}

	@Test
	void theOperatorsOwnArchiveOrAPlainJarIsLeftAlone() throws Exception {
		Path jar = fatJar("gazette.jar");
		Path cache = this.directory.resolve("cache");
		Run own = run(jar, cache, List.of("-Xshare:auto"), "0");
		assertThat(own.status()).isZero();
		assertThat(own.out()).contains("class path: " + jar).doesNotContain("ArchiveClassesAtExit");
		assertThat(ClassDataCache.launch(JAVA, List.of("-cp", "a.jar", "Main"), List.of(), cache.toString(), 17, "jdk")
			.main()).containsExactly("-cp", "a.jar", "Main");
		assertThat(ClassDataCache.launch(JAVA, List.of("-jar", jar.toString()), List.of(), "off", 17, "jdk").options())
			.isEmpty();
		assertThat(cache).doesNotExist();
	}

	/**
	 * A jar laid out and launched as Spring Boot's: its launcher at the root, the probe
	 * under {@code BOOT-INF/classes}, and under {@code BOOT-INF/lib} (stored, as the
	 * launcher reads them in place) a library of the probe's and the extract tool with
	 * what it needs, all taken from the test class path.
	 */
	private Path fatJar(String name) throws Exception {
		Path library = this.directory.resolve("probe-library.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(library), new Manifest())) {
			out.putNextEntry(new JarEntry("probe-library.txt"));
			out.write("from the library".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		List<Path> libraries = List.of(library, jarOf("org.springframework.boot.jarmode.tools.ToolsJarMode"),
				jarOf("org.springframework.util.ClassUtils"), jarOf("org.apache.commons.logging.LogFactory"));
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
		attributes.putValue("Start-Class", CommandJvmProbe.class.getName());
		attributes.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
		attributes.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
		attributes.putValue("Spring-Boot-Classpath-Index", "BOOT-INF/classpath.idx");
		Path jar = this.directory.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
				JarFile loader = new JarFile(jarOf("org.springframework.boot.loader.launch.JarLauncher").toFile())) {
			for (JarEntry entry : loader.stream().filter((entry) -> entry.getName().startsWith("org/")).toList()) {
				out.putNextEntry(new JarEntry(entry.getName()));
				try (InputStream in = loader.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			// The launcher puts BOOT-INF/classes on the class path by its directory
			// entry.
			for (String directory : List.of("BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/lib/")) {
				out.putNextEntry(new JarEntry(directory));
				out.closeEntry();
			}
			for (Path file : classFiles()) {
				String entry = CommandJvm.class.getPackageName().replace('.', '/') + "/" + file.getFileName();
				out.putNextEntry(new JarEntry("BOOT-INF/classes/" + entry));
				out.write(Files.readAllBytes(file));
				out.closeEntry();
			}
			StringBuilder index = new StringBuilder();
			for (Path lib : libraries) {
				String entry = "BOOT-INF/lib/" + lib.getFileName();
				out.putNextEntry(stored(entry, Files.readAllBytes(lib)));
				out.write(Files.readAllBytes(lib));
				out.closeEntry();
				index.append("- \"").append(entry).append("\"\n");
			}
			out.putNextEntry(new JarEntry("BOOT-INF/classpath.idx"));
			out.write(index.toString().getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return jar;
	}

	private static JarEntry stored(String name, byte[] content) {
		JarEntry entry = new JarEntry(name);
		CRC32 crc = new CRC32();
		crc.update(content);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(content.length);
		entry.setCompressedSize(content.length);
		entry.setCrc(crc.getValue());
		return entry;
	}

	/** The jar on the test class path that holds the named class. */
	private static Path jarOf(String className) throws Exception {
		return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	/** The probe's classes and their nested classes, as compiled. */
	private static List<Path> classFiles() throws Exception {
		List<Path> files = new ArrayList<>();
		for (Class<?> type : PROBE) {
			Path file = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
				.resolve(type.getName().replace('.', '/') + ".class");
			try (Stream<Path> siblings = Files.list(file.getParent())) {
				siblings.filter((sibling) -> sibling.getFileName().toString().startsWith(type.getSimpleName() + "$"))
					.forEach(files::add);
			}
			files.add(file);
		}
		return files;
	}

	private static Path onlyCopy(Path cache) throws IOException {
		try (Stream<Path> entries = Files.list(cache)) {
			List<Path> copies = entries.toList();
			assertThat(copies).hasSize(1);
			return copies.get(0);
		}
	}

	private static List<Path> archives(Path cache) throws IOException {
		if (!Files.isDirectory(cache)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(cache)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jsa")).toList();
		}
	}

	private static Run runUnchecked(Path jar, Path cache) {
		try {
			return run(jar, cache, "0");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Run run(Path jar, Path cache, String status) throws Exception {
		return run(jar, cache, List.of(), status);
	}

	private static Run run(Path jar, Path cache, List<String> options, String status) throws Exception {
		List<String> command = new ArrayList<>(List.of(JAVA));
		command.addAll(options);
		command.addAll(List.of("-jar", jar.toString(), "echo", status));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove("GAZETTE_COMMAND_JVM");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().put(ClassDataCache.CACHE_ENVIRONMENT, cache.toString());
		Process parent = builder.start();
		try (OutputStream in = parent.getOutputStream()) {
			in.write(("a line typed by the operator" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
		}
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
			try {
				return new String(parent.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		String out = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(parent.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(parent.exitValue(), out, err.get());
	}

	record Run(int status, String out, String err) {
	}

}
