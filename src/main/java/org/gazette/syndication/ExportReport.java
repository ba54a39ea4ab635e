package org.gazette.syndication;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What an export did.
 *
 * @param version the directory holding this export, which {@code directory} now links to
 * @param pages HTML pages exported
 * @param rendered pages rendered; the others were kept from the previous export without
 * rendering them, as nothing they show had changed
 * @param feedsMade feeds made; the others were kept from the previous export without
 * making them, as their entries were the same stories and none of them had changed
 * @param files every file exported, pages included
 * @param written files written anew
 * @param kept files unchanged since the previous export, kept as they were (same bytes,
 * same modification time)
 * @param removed files of the previous export that are no longer part of the site
 * @param lastChangeEvent the newest change event the export includes
 * @param nextRelease the next scheduled release, after which the export is out of date;
 * null when none is scheduled
 * @param took how long it took
 */
record ExportReport(Path version, int pages, int rendered, int feedsMade, int files, int written, int kept, int removed,
		long lastChangeEvent, Instant nextRelease, Duration took) {

}
