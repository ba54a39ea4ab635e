package org.gazette.syndication;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an export holds: each file with the hash of its bytes, and the state of the
 * newsroom it shows (the newest change event it includes, the next scheduled release).
 * The next export compares its files with it to keep those that have not changed. Kept
 * beside the export's directory, not in it, so that a host does not serve it.
 * <p>
 * A line per fact, tab-separated, so that an operator can read it and {@code grep} it.
 *
 * @param exportedAt when the export was made
 * @param missingEvents ids up to {@code lastChangeEvent} that had no event when the
 * export read the log (a transaction may commit one later); null in a manifest of the
 * first format, which an incremental export cannot build on (it then renders every page)
 * @param lastChangeEvent the newest change event it includes
 * @param nextRelease the next scheduled release as of the export, or null
 * @param fingerprint the settings and layout it was made with (see
 * {@code StaticExport#fingerprint})
 * @param files each file, by its path relative to the export's root
 */
record ExportManifest(Instant exportedAt, List<Long> missingEvents, long lastChangeEvent, Instant nextRelease,
		String fingerprint, Map<String, Entry> files) {

	/** The first format, without {@code missing-change-events}. */
	private static final String FORMAT_1 = "gazette-static-export\t1";

	private static final String FORMAT = "gazette-static-export\t2";

	/**
	 * A file of the export.
	 *
	 * @param hash SHA-256 of its bytes, hex
	 * @param size its length in bytes
	 * @param version the fingerprint its source gave (a listing page's version), or null
	 */
	record Entry(String hash, long size, String version) {
	}

	/** The manifest in this file; null when there is none or it cannot be read. */
	static ExportManifest read(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String format = in.readLine();
			if (!FORMAT.equals(format) && !FORMAT_1.equals(format)) {
				return null;
			}
			Instant exportedAt = null;
			List<Long> missingEvents = null;
			long lastEvent = 0;
			Instant nextRelease = null;
			String fingerprint = "";
			Map<String, Entry> files = new TreeMap<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String[] fields = line.split("\t", -1);
				switch (fields[0]) {
					case "exported-at" -> exportedAt = Instant.parse(fields[1]);
					case "missing-change-events" -> missingEvents = fields[1].isEmpty() ? List.of()
							: Arrays.stream(fields[1].split(",")).map(Long::valueOf).toList();
					case "last-change-event" -> lastEvent = Long.parseLong(fields[1]);
					case "next-release" -> nextRelease = fields[1].isEmpty() ? null : Instant.parse(fields[1]);
					case "fingerprint" -> fingerprint = fields[1];
					case "file" -> files.put(fields[4],
							new Entry(fields[1], Long.parseLong(fields[2]), fields[3].isEmpty() ? null : fields[3]));
					default -> {
						// A fact added by a later version: not needed to compare files.
					}
				}
			}
			return new ExportManifest(exportedAt, missingEvents, lastEvent, nextRelease, fingerprint, files);
		}
		catch (IOException | RuntimeException ex) {
			// An unreadable manifest only costs a full export.
			return null;
		}
	}

	/** Writes the manifest whole or not at all. */
	void write(Path file) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			out.write(FORMAT + "\n");
			out.write("exported-at\t" + this.exportedAt + "\n");
			if (this.missingEvents != null) {
				out.write("missing-change-events\t"
						+ this.missingEvents.stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n");
			}
			out.write("last-change-event\t" + this.lastChangeEvent + "\n");
			out.write("next-release\t" + ((this.nextRelease != null) ? this.nextRelease : "") + "\n");
			out.write("fingerprint\t" + this.fingerprint + "\n");
			for (Map.Entry<String, Entry> entry : new TreeMap<>(this.files).entrySet()) {
				Entry value = entry.getValue();
				out.write("file\t" + value.hash() + "\t" + value.size() + "\t"
						+ ((value.version() != null) ? value.version() : "") + "\t" + entry.getKey() + "\n");
			}
		}
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	static boolean isValidName(String file) {
		return file.indexOf('\t') < 0 && file.indexOf('\n') < 0 && file.indexOf('\r') < 0;
	}

}
