package org.gazette.migration;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Tells the person at the terminal how an import goes: items done, items a second, and
 * time left (from how much of the file is read). On a terminal one line is redrawn in
 * place; otherwise (a log, a pipe) a plain line is printed now and then.
 */
final class Progress {

	private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final PrintWriter out;

	private final boolean terminal;

	private final LongSupplier bytesRead;

	private final long totalBytes;

	private final LongSupplier nanoTime;

	private final long started;

	private long lastPrinted;

	private long items;

	/**
	 * @param bytesRead how much of the file is read so far
	 * @param totalBytes the file's size, or 0 when unknown
	 */
	Progress(PrintWriter out, boolean terminal, LongSupplier bytesRead, long totalBytes) {
		this(out, terminal, bytesRead, totalBytes, System::nanoTime);
	}

	/** As the public constructor, with the time in nanoseconds from the given source. */
	Progress(PrintWriter out, boolean terminal, LongSupplier bytesRead, long totalBytes, LongSupplier nanoTime) {
		this.out = out;
		this.terminal = terminal;
		this.bytesRead = bytesRead;
		this.totalBytes = totalBytes;
		this.nanoTime = nanoTime;
		this.started = nanoTime.getAsLong();
		this.lastPrinted = this.started;
	}

	/** No progress shown: for tests and callers that print nothing. */
	static Progress silent() {
		return new Progress(null, false, () -> 0, 0);
	}

	void advance(int count, ImportReport report) {
		this.items += count;
		if (this.out == null) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.terminal) {
			this.out.print("\r" + line(now) + "   ");
			this.out.flush();
		}
		else if (now - this.lastPrinted >= PLAIN_EVERY_NANOS) {
			this.out.println(line(now));
			this.lastPrinted = now;
		}
	}

	void done(ImportReport report) {
		if (this.out == null) {
			return;
		}
		if (this.terminal) {
			this.out.println();
		}
		long now = this.nanoTime.getAsLong();
		Duration took = Duration.ofNanos(now - this.started);
		this.out.printf(Locale.ROOT, "%,d items in %s (%,.0f items/s).%n", this.items, format(took), rate(now));
		this.out.print(report.summary());
		this.out.flush();
	}

	String line(long now) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d items, %,.0f/s", this.items, rate(now)));
		long read = this.bytesRead.getAsLong();
		if (this.totalBytes > 0 && read > 0) {
			double fraction = Math.min(1.0, (double) read / this.totalBytes);
			long elapsed = now - this.started;
			Duration left = Duration.ofNanos((long) (elapsed / fraction - elapsed));
			int filled = (int) (fraction * 30);
			line.insert(0,
					"[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + Math.round(fraction * 100) + "% ");
			line.append(", about ").append(format(left)).append(" left");
		}
		return line.toString();
	}

	private double rate(long now) {
		double seconds = Math.max(1e-3, (now - this.started) / 1e9);
		return this.items / seconds;
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds >= 60) ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
	}

}
