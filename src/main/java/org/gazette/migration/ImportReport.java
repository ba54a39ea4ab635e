package org.gazette.migration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do), counted as it goes; reasons are kept
 * with their counts, so a report of 100,000 items stays small.
 */
final class ImportReport {

	private final boolean dryRun;

	private long created;

	private long updated;

	private long unchanged;

	private long attachments;

	private long comments;

	private long redirects;

	private final Map<String, Long> skipped = new LinkedHashMap<>();

	private final Map<String, Long> redirectsRefused = new LinkedHashMap<>();

	ImportReport(boolean dryRun) {
		this.dryRun = dryRun;
	}

	void created() {
		this.created++;
	}

	void updated() {
		this.updated++;
	}

	void unchanged() {
		this.unchanged++;
	}

	void attachment() {
		this.attachments++;
	}

	void comments(int count) {
		this.comments += count;
	}

	void redirect() {
		this.redirects++;
	}

	void redirectRefused(String reason) {
		this.redirectsRefused.merge(reason, 1L, Long::sum);
	}

	void skipped(String reason) {
		this.skipped.merge(reason, 1L, Long::sum);
	}

	long createdCount() {
		return this.created;
	}

	long updatedCount() {
		return this.updated;
	}

	long unchangedCount() {
		return this.unchanged;
	}

	long attachmentCount() {
		return this.attachments;
	}

	long redirectCount() {
		return this.redirects;
	}

	long skippedCount() {
		return this.skipped.values().stream().mapToLong(Long::longValue).sum();
	}

	Map<String, Long> skippedReasons() {
		return Map.copyOf(this.skipped);
	}

	long items() {
		return this.created + this.updated + this.unchanged + this.attachments + skippedCount();
	}

	/** The summary printed at the end, one fact a line. */
	String summary() {
		String would = this.dryRun ? "Dry run, nothing written. Would have: " : "";
		StringBuilder out = new StringBuilder();
		out.append(would)
			.append("created ")
			.append(this.created)
			.append(", updated ")
			.append(this.updated)
			.append(", unchanged ")
			.append(this.unchanged)
			.append(", skipped ")
			.append(skippedCount())
			.append(" stories; recorded ")
			.append(this.attachments)
			.append(" attachments (metadata only; files not downloaded); added ")
			.append(this.redirects)
			.append(" redirects.\n");
		this.skipped.forEach(
				(reason, count) -> out.append("  skipped ").append(count).append(": ").append(reason).append('\n'));
		this.redirectsRefused.forEach((reason,
				count) -> out.append("  no redirect for ").append(count).append(": ").append(reason).append('\n'));
		if (this.comments > 0) {
			out.append("  comments ignored: ").append(this.comments).append(" (Gazette has no comments)\n");
		}
		return out.toString();
	}

}
