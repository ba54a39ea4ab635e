package org.gazette.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code backup DIR}: the embedded H2 database and the media files, while the site keeps
 * serving. H2's {@code BACKUP TO} copies a transactionally consistent image without
 * locking anything; the media directory is copied after it, and since media files are
 * only ever added, every file the database image refers to is already there.
 */
@Component
@Command(name = "backup", mixinStandardHelpOptions = true,
		description = { "Back up the embedded H2 database and the media files to DIR, safely while Gazette serves.",
				"DIR must be new or empty. 'restore DIR' verifies and restores it.",
				"On PostgreSQL, use pg_dump instead (README, Back up and restore).",
				"Exit status: 0 backed up, 1 failed or not an H2 database, 2 wrong command line." })
class BackupCommand implements Callable<Integer> {

	private final JdbcTemplate jdbc;

	private final MediaFiles media;

	private final Clock clock;

	private final String url;

	@Parameters(paramLabel = "DIR",
			description = "Where to write the backup: a directory that does not exist or is empty.")
	Path directory;

	BackupCommand(JdbcTemplate jdbc, MediaFiles media, Clock clock, @Value("${spring.datasource.url:}") String url) {
		this.jdbc = jdbc;
		this.media = media;
		this.clock = clock;
		this.url = url;
	}

	@Override
	public Integer call() throws IOException {
		if (!H2Files.isH2(this.url)) {
			System.err.println("backup: the database is not the embedded H2 one; back up PostgreSQL with pg_dump"
					+ " (see README, Back up and restore).");
			return 1;
		}
		if (H2Files.databaseFile(this.url) == null) {
			System.err.println("backup: the database is in memory or on another server; only a file database can be"
					+ " backed up this way.");
			return 1;
		}
		if (Files.exists(this.directory) && (!Files.isDirectory(this.directory) || !isEmpty(this.directory))) {
			System.err.println("backup: " + this.directory + " is not an empty directory; give a new one, so no earlier"
					+ " backup is overwritten.");
			return 1;
		}
		Files.createDirectories(this.directory);
		Path database = this.directory.resolve(BackupManifest.DATABASE).toAbsolutePath();
		this.jdbc.execute("backup to '" + database.toString().replace("'", "''") + "'");
		this.media.copyAll(this.directory.resolve(BackupManifest.MEDIA));
		long[] media = BackupManifest.tally(this.directory.resolve(BackupManifest.MEDIA));
		BackupManifest manifest = new BackupManifest(BackupManifest.VERSION, this.clock.instant().toString(),
				BackupManifest.sha256(database), Files.size(database), media[0], media[1]);
		manifest.write(this.directory);
		System.out.printf("Backed up the database (%,d bytes) and %,d media files (%,d bytes) to %s.%n",
				manifest.databaseBytes(), manifest.mediaFiles(), manifest.mediaBytes(), this.directory);
		return 0;
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

}
