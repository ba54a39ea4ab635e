package org.gazette.migration;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Tells the person at the terminal how an import or export goes: items done, items a
 * second, and time left (from how much of the work is done, such as the bytes of the file
 * read). On a terminal one line is redrawn in place, a few times a second; otherwise (a
 * log, a pipe) a plain line is printed now and then.
 */
final class Progress implements AutoCloseable {

	private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	/** Redrawing on every record would cost more than the work on a fast terminal. */
	private static final long REDRAW_EVERY_NANOS = Duration.ofMillis(200).toNanos();

	private final PrintWriter out;

	private final boolean terminal;

	private final LongSupplier bytesRead;

	private final long totalBytes;

	private final String unit;

	private final LongSupplier ticker;

	private final long started;

	private long lastPrinted;

	private long items;

	private boolean drawn;

	private boolean finished;

	/**
	 * @param bytesRead how much of the file is read so far
	 * @param totalBytes the file's size, or 0 when unknown
	 */
	Progress(PrintWriter out, boolean terminal, LongSupplier bytesRead, long totalBytes) {
		this(out, terminal, bytesRead, totalBytes, "items");
	}

	/**
	 * @param done how much of the work is done so far, in any measure
	 * @param total the whole work in the same measure, or 0 when unknown
	 * @param unit what is counted, in the plural ("records")
	 */
	Progress(PrintWriter out, boolean terminal, LongSupplier done, long total, String unit) {
		this(out, terminal, done, total, unit, System::nanoTime);
	}

	/** As above, timed by the given nanosecond ticker (tests). */
	Progress(PrintWriter out, boolean terminal, LongSupplier done, long total, String unit, LongSupplier ticker) {
		this.out = out;
		this.terminal = terminal;
		this.bytesRead = done;
		this.totalBytes = total;
		this.unit = unit;
		this.ticker = ticker;
		this.started = ticker.getAsLong();
		this.lastPrinted = this.started;
	}

	/** No progress shown: for tests and callers that print nothing. */
	static Progress silent() {
		return new Progress(null, false, () -> 0, 0);
	}

	void advance(int count, ImportReport report) {
		advance(count);
	}

	void advance(int count) {
		this.items += count;
		if (this.out == null) {
			return;
		}
		long now = this.ticker.getAsLong();
		if (this.terminal) {
			if (now - this.lastPrinted >= REDRAW_EVERY_NANOS) {
				this.out.print("\r" + line(now) + "   ");
				this.out.flush();
				this.lastPrinted = now;
				this.drawn = true;
			}
		}
		else if (now - this.lastPrinted >= PLAIN_EVERY_NANOS) {
			this.out.println(line(now));
			this.lastPrinted = now;
		}
	}

	void done(ImportReport report) {
		done();
		if (this.out != null) {
			this.out.print(report.summary());
			this.out.flush();
		}
	}

	/** Ends the redrawn line with how many were done, how long it took and the rate. */
	void done() {
		if (this.out == null) {
			return;
		}
		this.finished = true;
		if (this.terminal && this.drawn) {
			this.out.println();
		}
		Duration took = Duration.ofNanos(this.ticker.getAsLong() - this.started);
		this.out.printf(Locale.ROOT, "%,d %s in %s (%,.0f %s/s).%n", this.items, this.unit, format(took),
				rate(this.ticker.getAsLong()), this.unit);
		this.out.flush();
	}

	/**
	 * Ends a line left half-drawn by work that stopped before {@link #done}, so that the
	 * error that stopped it starts on a line of its own.
	 */
	@Override
	public void close() {
		if (this.out != null && this.terminal && this.drawn && !this.finished) {
			this.out.println();
			this.out.flush();
		}
	}

	String line(long now) {
		StringBuilder line = new StringBuilder(
				String.format(Locale.ROOT, "%,d %s, %,.0f/s", this.items, this.unit, rate(now)));
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
