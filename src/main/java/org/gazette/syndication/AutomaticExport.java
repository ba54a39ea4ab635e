package org.gazette.syndication;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.gazette.publishing.PublicContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the static export in {@code gazette.export.directory} up to date when
 * {@code gazette.export.automatic} is on: an incremental export after every change
 * readers can see (as this node learns of it from the change events) and when the clock
 * passes the next scheduled release, which the previous export recorded. On start, the
 * export is brought up to date if anything changed while the node was down.
 * <p>
 * Every change readers can see appends a change event (publish, update, schedule,
 * unpublish, withdrawal and the other takedowns, slug changes, author and topic edits),
 * and every node hears of each one; release tasks would not do, since they follow
 * publications only and skip stories that are no longer public. So that several nodes
 * with the setting export once rather than each, a node exports only while it holds the
 * {@code export_claim} row's lock ({@code FOR UPDATE SKIP LOCKED}); a node that finds it
 * taken tries again at its next check, and by then finds the shared export up to date.
 * All nodes must then point {@code gazette.export.directory} at the same shared
 * directory.
 */
@Component
class AutomaticExport {

	private static final Logger logger = LoggerFactory.getLogger(AutomaticExport.class);

	private final StaticExport export;

	private final ExportProperties settings;

	private final Clock clock;

	private final ExportClaimRepository claims;

	private final TransactionTemplate transactions;

	private final String node;

	private final boolean enabled;

	/** Exports run here, one at a time, so that the scheduler's thread never waits. */
	private final ExecutorService worker = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "automatic-export");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	/** Whether something changed since the last export began; true to check on start. */
	private volatile boolean changed = true;

	/** When the current export goes out of date by itself; null when nothing is due. */
	private volatile Instant nextRelease;

	AutomaticExport(StaticExport export, ExportProperties settings, Clock clock, ExportClaimRepository claims,
			PlatformTransactionManager transactions, @Value("${gazette.command:}") String command) {
		this.export = export;
		this.settings = settings;
		this.clock = clock;
		this.claims = claims;
		this.transactions = new TransactionTemplate(transactions);
		this.node = ManagementFactory.getRuntimeMXBean().getName();
		// A command run (such as export-static itself) does its own work and exits.
		this.enabled = settings.automatic() && command.isEmpty();
	}

	@EventListener
	void on(PublicContentChanged changed) {
		this.changed = true;
	}

	@Scheduled(fixedDelayString = "${gazette.export.check-interval:1s}")
	void check() {
		if (this.enabled && isDue() && this.running.compareAndSet(false, true)) {
			this.worker.execute(() -> {
				try {
					exportNow();
				}
				finally {
					this.running.set(false);
				}
			});
		}
	}

	boolean isDue() {
		Instant next = this.nextRelease;
		return this.changed || (next != null && !this.clock.instant().isBefore(next));
	}

	/**
	 * Exports if the export is out of date and no other node is exporting; returns the
	 * report, or null when there was nothing to do, another node held the claim (this
	 * node looks again at its next check) or the export failed (which is logged).
	 */
	ExportReport exportNow() {
		this.changed = false;
		try {
			return this.transactions.execute((status) -> {
				if (!this.claims.tryLock(ExportClaimRepository.STATIC)) {
					this.changed = true;
					return null;
				}
				ExportReport report = exportIfOutOfDate();
				if (report != null) {
					this.claims.exported(ExportClaimRepository.STATIC, report.lastChangeEvent(), this.clock.instant(),
							this.node);
				}
				return report;
			});
		}
		catch (RuntimeException ex) {
			// The database is away: the next check tries again.
			this.changed = true;
			logger.warn("Automatic export to {} could not claim the export: {}", this.settings.directory(),
					ex.toString());
			return null;
		}
	}

	private ExportReport exportIfOutOfDate() {
		Path directory = this.settings.directory();
		try (ExportTarget target = ExportTarget.open(directory)) {
			ExportManifest manifest = target.currentManifest();
			if (!this.export.isOutOfDate(manifest, this.export.defaultOptions())) {
				this.nextRelease = manifest.nextRelease();
				return null;
			}
		}
		catch (ExportException ex) {
			logger.warn("Automatic export to {} is not possible: {}", directory, ex.getMessage());
			return null;
		}
		try {
			ExportReport report = this.export.export(directory, this.export.defaultOptions());
			this.nextRelease = report.nextRelease();
			logger.info("Exported the site to {}: {} files written, {} unchanged, {} removed, in {} ms", directory,
					report.written(), report.kept(), report.removed(), report.took().toMillis());
			return report;
		}
		catch (ExportException ex) {
			// The next change (a fixed link, a story published) tries again.
			logger.warn("Automatic export to {} failed; the previous export is still served. {}", directory,
					ex.getMessage());
			return null;
		}
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

}
