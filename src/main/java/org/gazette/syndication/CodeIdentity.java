package org.gazette.syndication;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.boot.system.ApplicationHome;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which build of Gazette is running, known without reading its classes: the application
 * jar's path, size and modification time, or for classes in a directory (tests, an IDE)
 * those of every file under it. A new build is a new identity. The static export keys on
 * it what depends only on the code (the templates, the asset files and their hashed
 * addresses), instead of reading and hashing a thousand entries of the jar every run.
 */
final class CodeIdentity {

	private static final Supplier<String> CURRENT = SingletonSupplier.of(() -> of(home()));

	private CodeIdentity() {
	}

	/** The running build's identity (hex), or null when it cannot be told. */
	static String current() {
		return CURRENT.get();
	}

	/** The identity of a jar or a directory of classes; null when it cannot be read. */
	static String of(File source) {
		if (source == null) {
			return null;
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Path root = source.toPath().toAbsolutePath();
			if (Files.isRegularFile(root)) {
				add(digest, root.toString(), Files.readAttributes(root, BasicFileAttributes.class));
			}
			else if (Files.isDirectory(root)) {
				try (Stream<Path> files = Files.walk(root)) {
					for (Path file : (Iterable<Path>) files.sorted()::iterator) {
						add(digest, root.relativize(file).toString(),
								Files.readAttributes(file, BasicFileAttributes.class));
					}
				}
			}
			else {
				return null;
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException | RuntimeException | NoSuchAlgorithmException ex) {
			// Then the export reads and hashes the code and assets, as it always can.
			return null;
		}
	}

	private static void add(MessageDigest digest, String name, BasicFileAttributes attributes) {
		digest.update((name + "\t" + attributes.size() + "\t" + attributes.lastModifiedTime().toMillis() + "\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The jar or directory this class was loaded from; for a command's child JVM run from
	 * the launcher's extracted copy, the jar the operator started (decision 0024), so
	 * that the command and a server of the same build agree.
	 */
	private static File home() {
		String source = System.getProperty("gazette.command-jvm.source");
		if (source != null) {
			return new File(source);
		}
		try {
			return new ApplicationHome(CodeIdentity.class).getSource();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
