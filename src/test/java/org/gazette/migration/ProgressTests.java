package org.gazette.migration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the person at the terminal sees while an import runs (items, rate, time left) and
 * at its end (the summary, with the reasons items were skipped), on a clock the test
 * moves.
 */
class ProgressTests {

	private final StringWriter out = new StringWriter();

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final AtomicLong bytesRead = new AtomicLong();

	private Progress progress(boolean terminal, long totalBytes) {
		return new Progress(new PrintWriter(this.out, true), terminal, this.bytesRead::get, totalBytes,
				this.nanos::get);
	}

	private void advanceSeconds(long seconds) {
		this.nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
	}

	@Test
	void onATerminalOneLineShowsItemsRateAndTimeLeftFromTheShareOfTheFileRead() {
		Progress progress = progress(true, 1_000_000);
		ImportReport report = new ImportReport(false);
		advanceSeconds(10);
		this.bytesRead.set(250_000);
		progress.advance(2_500, report);
		assertThat(this.out.toString())
			.isEqualTo("\r[#######                       ] 25% 2,500 items, 250/s, about 30 s left   ");
		this.out.getBuffer().setLength(0);
		advanceSeconds(110);
		this.bytesRead.set(500_000);
		progress.advance(2_500, report);
		assertThat(this.out.toString()).as("redrawn in place")
			.isEqualTo("\r[###############               ] 50% 5,000 items, 42/s, about 2 min 0 s left   ");
	}

	@Test
	void inALogAPlainLineIsPrintedEveryTenSeconds() {
		Progress progress = progress(false, 0);
		ImportReport report = new ImportReport(false);
		advanceSeconds(5);
		progress.advance(500, report);
		assertThat(this.out.toString()).as("not yet ten seconds").isEmpty();
		advanceSeconds(5);
		progress.advance(500, report);
		assertThat(this.out.toString()).as("no file size: no bar, no time left").isEqualTo("1,000 items, 100/s\n");
	}

	@Test
	void theEndSaysHowManyItemsInHowLongThenWhatWasCreatedUpdatedAndSkippedWithReasons() {
		Progress progress = progress(true, 100);
		ImportReport report = new ImportReport(false);
		for (int i = 0; i < 3; i++) {
			report.created();
		}
		report.updated();
		report.unchanged();
		report.redirect();
		report.skipped("private in WordPress: not imported, readers never saw it");
		report.skipped("private in WordPress: not imported, readers never saw it");
		report.redirectRefused("There is already a redirect from /old.");
		report.comments(4);
		advanceSeconds(75);
		progress.advance(7, report);
		this.out.getBuffer().setLength(0);
		progress.done(report);
		assertThat(this.out.toString()).isEqualTo(
				"""

						7 items in 1 min 15 s (0 items/s).
						created 3, updated 1, unchanged 1, skipped 2 stories; recorded 0 attachments (metadata only; files not downloaded); added 1 redirects.
						  skipped 2: private in WordPress: not imported, readers never saw it
						  no redirect for 1: There is already a redirect from /old.
						  comments ignored: 4 (Gazette has no comments)
						""");
	}

}
