package org.gazette.migration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the person at the terminal sees while an import or export runs. */
class ProgressTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final AtomicLong done = new AtomicLong();

	private final StringWriter printed = new StringWriter();

	@Test
	void aTerminalLineShowsTheBarTheRateAndTheTimeLeftRedrawnAFewTimesASecond() {
		Progress progress = progress(true, 1000);
		this.done.set(250);
		progress.advance(50);
		assertThat(this.printed.toString()).as("not redrawn before 200 ms").isEmpty();
		after(Duration.ofSeconds(10));
		progress.advance(50);
		assertThat(this.printed.toString())
			.isEqualTo("\r[#######                       ] 25% 100 records, 10/s, about 30 s left   ");
		after(Duration.ofMillis(10));
		progress.advance(1);
		assertThat(this.printed.toString()).as("a redraw 10 ms later is skipped").doesNotContain("101 records");

		this.done.set(1000);
		after(Duration.ofSeconds(90));
		progress.done();
		progress.close();
		assertThat(this.printed.toString()).endsWith("   \n101 records in 1 min 40 s (1 records/s).\n");
	}

	@Test
	void aLogGetsAPlainLineEveryTenSecondsAndNoBarWhenTheTotalIsUnknown() {
		Progress progress = progress(false, 0);
		progress.advance(10);
		after(Duration.ofSeconds(10));
		progress.advance(10);
		after(Duration.ofSeconds(1));
		progress.advance(10);
		assertThat(this.printed.toString()).isEqualTo("20 records, 2/s\n");
	}

	@Test
	void workThatStopsEarlyEndsTheHalfDrawnLineSoTheErrorStartsOnItsOwn() {
		Progress progress = progress(true, 100);
		this.done.set(10);
		after(Duration.ofSeconds(1));
		progress.advance(10);
		progress.close();
		assertThat(this.printed.toString()).endsWith("left   \n");
		assertThat(this.printed.toString()).doesNotContain("records in");
	}

	@Test
	void theEndOfAnImportSaysHowManyInHowLongThenWhatWasCreatedUpdatedAndSkippedWithReasons() {
		Progress progress = new Progress(new PrintWriter(this.printed, true), true, this.done::get, 100, "items",
				this.now::get);
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
		after(Duration.ofSeconds(75));
		progress.advance(7, report);
		this.printed.getBuffer().setLength(0);
		progress.done(report);
		assertThat(this.printed.toString()).isEqualTo(
				"""

						7 items in 1 min 15 s (0 items/s).
						created 3, updated 1, unchanged 1, skipped 2 stories; recorded 0 attachments (metadata only; files not downloaded); added 1 redirects.
						  skipped 2: private in WordPress: not imported, readers never saw it
						  no redirect for 1: There is already a redirect from /old.
						  comments ignored: 4 (Gazette has no comments)
						""");
	}

	@Test
	void silentProgressPrintsNothing() {
		Progress progress = Progress.silent();
		progress.advance(5);
		progress.done();
		progress.close();
		assertThat(progress.line(0)).startsWith("5 items");
	}

	private Progress progress(boolean terminal, long total) {
		return new Progress(new PrintWriter(this.printed, true), terminal, this.done::get, total, "records",
				this.now::get);
	}

	private void after(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
