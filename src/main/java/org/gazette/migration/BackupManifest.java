package org.gazette.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code backup.properties}, written last into a backup directory: what the backup holds
 * and the checksums restore verifies before it touches anything. A directory without it
 * is an unfinished backup.
 *
 * @param version the backup layout's version
 * @param createdAt when the backup was made
 * @param databaseSha256 SHA-256 of {@code database.zip}
 * @param databaseBytes size of {@code database.zip}
 * @param mediaFiles how many files {@code media/} holds
 * @param mediaBytes their total size
 */
record BackupManifest(int version, String createdAt, String databaseSha256, long databaseBytes, long mediaFiles,
		long mediaBytes) {

	static final String FILE = "backup.properties";

	static final String DATABASE = "database.zip";

	static final String MEDIA = "media";

	static final int VERSION = 1;

	void write(Path directory) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("version", Integer.toString(this.version));
		properties.setProperty("createdAt", this.createdAt);
		properties.setProperty("databaseSha256", this.databaseSha256);
		properties.setProperty("databaseBytes", Long.toString(this.databaseBytes));
		properties.setProperty("mediaFiles", Long.toString(this.mediaFiles));
		properties.setProperty("mediaBytes", Long.toString(this.mediaBytes));
		Path partial = directory.resolve(FILE + ".partial");
		try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
			properties.store(out, "Gazette backup: restore with 'gazette restore DIR'");
		}
		Files.move(partial, directory.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	static BackupManifest read(Path directory) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		try {
			return new BackupManifest(Integer.parseInt(properties.getProperty("version")),
					properties.getProperty("createdAt"), properties.getProperty("databaseSha256"),
					Long.parseLong(properties.getProperty("databaseBytes")),
					Long.parseLong(properties.getProperty("mediaFiles")),
					Long.parseLong(properties.getProperty("mediaBytes")));
		}
		catch (NumberFormatException ex) {
			throw new IOException(FILE + " is damaged (" + ex.getMessage() + ")", ex);
		}
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Files and bytes under a directory: {count, bytes}. */
	static long[] tally(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return new long[] { 0, 0 };
		}
		long[] tally = { 0, 0 };
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				tally[0]++;
				tally[1] += Files.size(file);
			}
		}
		return tally;
	}

}
