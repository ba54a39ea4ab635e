package org.gazette.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gazette.platform.OfflineCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * {@code restore DIR}: puts a backup made by {@code backup} in place of the embedded H2
 * database and adds its media files. It never opens the application's database (it runs
 * {@link OfflineCommand offline}); it checks the backup completely (checksums, and the
 * database image opened and read) before it changes anything, and refuses while the
 * database is in use.
 */
@Component
@OfflineCommand
@Command(name = "restore", mixinStandardHelpOptions = true,
		description = { "Restore a backup made by 'backup DIR': the embedded H2 database and the media files.",
				"Stop Gazette first: restore refuses while the database is in use. The backup is verified",
				"(checksums, database opened and read) before anything is changed.",
				"Exit status: 0 restored, 1 refused or failed (nothing changed), 2 wrong command line." })
class RestoreCommand implements Callable<Integer> {

	private final Environment environment;

	@Parameters(paramLabel = "DIR", description = "A directory written by 'gazette backup'.")
	Path directory;

	@Option(names = "--replace",
			description = "Restore over an existing database, which is kept beside it as NAME.mv.db.before-restore-TIME.")
	boolean replace;

	RestoreCommand(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() throws IOException {
		String url = this.environment.getProperty("spring.datasource.url", "");
		Path target = H2Files.databaseFile(url);
		if (target == null) {
			System.err.println("restore: the database is not an embedded H2 file (" + url.replaceAll(";.*", "")
					+ "); restore PostgreSQL with pg_restore (see README, Back up and restore).");
			return 1;
		}
		Path media = Path.of(this.environment.getProperty("gazette.media.directory", "./data/media"));
		Path work = Files.createDirectories(target.getParent()).resolve(".restore-" + UUID.randomUUID());
		try {
			String problem = verify(work);
			if (problem == null) {
				problem = inUse(target);
			}
			if (problem != null) {
				System.err.println("restore: " + problem);
				return 1;
			}
			if (Files.exists(target)) {
				Files.move(target, target.resolveSibling(target.getFileName() + ".before-restore-"
						+ Clock.systemUTC().instant().toString().replace(':', '-')));
			}
			Files.move(work.resolve("check.mv.db"), target, StandardCopyOption.ATOMIC_MOVE);
			long files = MediaFiles.copy(this.directory.resolve(BackupManifest.MEDIA), media);
			System.out.printf("Restored the database to %s and %,d media files to %s. Start Gazette as usual.%n",
					target, files, media.toAbsolutePath().normalize());
			return 0;
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/** Why the backup cannot be restored, or null once it is checked and unpacked. */
	private String verify(Path work) throws IOException {
		if (!Files.isRegularFile(this.directory.resolve(BackupManifest.FILE))) {
			return this.directory + " is not a finished Gazette backup (it has no " + BackupManifest.FILE
					+ "); give a directory written by 'gazette backup'.";
		}
		BackupManifest manifest = BackupManifest.read(this.directory);
		if (manifest.version() > BackupManifest.VERSION) {
			return "the backup is in layout version " + manifest.version() + "; restore it with a newer Gazette.";
		}
		Path database = this.directory.resolve(BackupManifest.DATABASE);
		if (!Files.isRegularFile(database) || Files.size(database) != manifest.databaseBytes()
				|| !BackupManifest.sha256(database).equals(manifest.databaseSha256())) {
			return database + " is missing or damaged (its checksum differs from the backup's); use another backup.";
		}
		long[] media = BackupManifest.tally(this.directory.resolve(BackupManifest.MEDIA));
		if (media[0] != manifest.mediaFiles() || media[1] != manifest.mediaBytes()) {
			return "the backup's media folder has " + media[0] + " files (" + media[1] + " bytes) where "
					+ manifest.mediaFiles() + " (" + manifest.mediaBytes()
					+ " bytes) were backed up; use another backup.";
		}
		Files.createDirectories(work);
		if (!unpack(database, work.resolve("check.mv.db"))) {
			return database + " holds no H2 database; use another backup.";
		}
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + work.resolve("check") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE",
				this.environment.getProperty("spring.datasource.username", ""),
				this.environment.getProperty("spring.datasource.password", ""));
				ResultSet rs = connection.createStatement()
					.executeQuery("select count(*) from flyway_schema_history where success")) {
			if (!rs.next() || rs.getLong(1) == 0) {
				return "the backed-up database has no schema; use another backup.";
			}
		}
		catch (SQLException ex) {
			return "the backed-up database cannot be read (" + ex.getMessage().lines().findFirst().orElse("")
					+ "); use another backup.";
		}
		return null;
	}

	private static boolean unpack(Path zip, Path target) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.isDirectory() && entry.getName().endsWith(".mv.db")) {
					Files.copy((InputStream) in, target);
					return true;
				}
			}
		}
		return false;
	}

	/** Why the target cannot be replaced now, or null. */
	private String inUse(Path target) throws IOException {
		if (!Files.exists(target)) {
			return null;
		}
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				return inUseMessage(target);
			}
		}
		catch (OverlappingFileLockException ex) {
			return inUseMessage(target);
		}
		return this.replace ? null : "a database already exists at " + target
				+ "; run again with --replace to restore over it (it is kept beside), or point Gazette at a new directory.";
	}

	private static String inUseMessage(Path target) {
		return "the database " + target + " is in use (is Gazette running?); stop it, then run restore again.";
	}

}
