package org.gazette.migration;

import java.util.List;

import org.gazette.content.InvalidContentException;
import org.gazette.publishing.WorkflowException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: reads items in batches (on a thread of its own, see
 * {@link BatchReader}), writes each batch in one transaction (so an import stopped at any
 * point leaves whole batches behind, and a bad file leaves the batch it broke unwritten),
 * and each item in a savepoint of it (so an item that breaks a rule is skipped with the
 * reason, not the batch). A dry run does the same and rolls each batch back: one
 * transaction for the whole file would keep every row of it in memory until the end (H2
 * holds a transaction's changes in the heap). Profiles made in a rolled-back batch are
 * forgotten, so the next batch makes them again; an item repeated in a later batch counts
 * as created again.
 */
@Component
class Importer {

	private final ItemImport items;

	private final TransactionTemplate batch;

	private final TransactionTemplate item;

	/** Whether new items are written together (decision 0025); off for comparing. */
	private final boolean bulk;

	@Autowired
	Importer(ItemImport items, PlatformTransactionManager transactions) {
		this(items, transactions, true);
	}

	/**
	 * @param bulk false to write every item alone, as before decision 0025
	 */
	Importer(ItemImport items, PlatformTransactionManager transactions, boolean bulk) {
		this.items = items;
		this.bulk = bulk;
		this.batch = new TransactionTemplate(transactions);
		this.item = new TransactionTemplate(transactions);
		this.item.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	ImportReport run(ItemSource source, ImportOptions options, Progress progress) {
		ImportReport report = new ImportReport(options.dryRun());
		ItemImport.Run run = this.items.start((options.source() != null) ? options.source() : source.source(), options,
				report);
		try (BatchReader reader = new BatchReader(source, options.batchSize(), options.limit(), this.items::prepare)) {
			for (List<ItemImport.Prepared> batch = reader.next(); batch != null; batch = reader.next()) {
				write(batch, options, report, run);
				progress.advance(batch.size(), report);
			}
		}
		progress.done(report);
		return report;
	}

	/** Writes a batch of items in one transaction. */
	private void write(List<ItemImport.Prepared> pending, ImportOptions options, ImportReport report,
			ItemImport.Run run) {
		this.batch.executeWithoutResult((status) -> {
			run.prepare(pending.stream().map(ItemImport.Prepared::item).toList());
			String refusal = null;
			int refused = 0;
			long taken = taken(report);
			pending.forEach((one) -> report.comments(one.item().comments()));
			List<ItemImport.Prepared> left = this.bulk ? importNew(pending, run) : pending;
			for (ItemImport.Prepared one : left) {
				String reason = importOne(one, run, report);
				if (reason != null) {
					refusal = reason;
					refused++;
				}
			}
			if (refused > 1 && taken(report) == taken) {
				// Not the items but the database (closed, full, out of memory): going on
				// would count the rest of the file as skipped. Items skipped for reasons
				// of their own (a private post) never reach the database, so they do not
				// show that it still takes rows.
				throw new ImportFailedException("The database refused every item of a batch (" + refusal
						+ "); stopped, nothing of this batch was written. Fix the database and run again.");
			}
			if (options.dryRun()) {
				status.setRollbackOnly();
			}
		});
		if (options.dryRun()) {
			run.forget();
		}
	}

	/**
	 * Writes the batch's new items together, in a savepoint; when that fails, rolls it
	 * back and leaves every item to be written alone, which says which one fails and why.
	 * @return the items still to write, in the batch's order
	 */
	private List<ItemImport.Prepared> importNew(List<ItemImport.Prepared> pending, ItemImport.Run run) {
		try {
			return this.item.execute((status) -> run.importNew(pending));
		}
		catch (RuntimeException ex) {
			run.forget();
			run.prepare(pending.stream().map(ItemImport.Prepared::item).toList());
			return pending;
		}
	}

	/**
	 * @return why the database refused the item, or null when it did not
	 */
	private String importOne(ItemImport.Prepared prepared, ItemImport.Run run, ImportReport report) {
		SourceItem one = prepared.item();
		try {
			this.item.executeWithoutResult((status) -> run.importItem(prepared));
		}
		catch (InvalidContentException ex) {
			run.forget();
			report.skipped(String.join(" ", ex.problems()));
		}
		catch (WorkflowException ex) {
			run.forget();
			report.skipped(ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			run.forget();
			String reason = "the database refused it (" + firstLine(ex.getMostSpecificCause().getMessage()) + ")";
			report.skipped(reason);
			return reason;
		}
		catch (RuntimeException ex) {
			throw new ImportFailedException("Item " + one.itemId() + " (line " + one.line() + "): "
					+ firstLine(String.valueOf(ex.getMessage())) + "; nothing of its batch was written.", ex);
		}
		return null;
	}

	/** Items the database took so far: created, updated or found unchanged. */
	private static long taken(ImportReport report) {
		return report.createdCount() + report.updatedCount() + report.unchangedCount();
	}

	private static String firstLine(String text) {
		String line = (text != null) ? text.strip().split("\\R", 2)[0] : "";
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
