package org.gazette.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads an import file's items in batches on a thread of its own, each item prepared as
 * it is read (its body converted and rendered), while the importer's thread writes the
 * batch before: the work that needs no database then runs on the machine's other core. At
 * most one batch waits ready, so memory stays bounded whatever the file's length. A
 * failure of the file (malformed XML, a field too long) reaches the writing thread after
 * the whole batches read before it, as if it had read the file itself.
 */
final class BatchReader implements AutoCloseable {

	/** Put after the last batch, when the file ends or the limit is reached. */
	private static final Object END = new Object();

	private final ItemSource source;

	private final int batchSize;

	private final long limit;

	private final Function<SourceItem, ItemImport.Prepared> prepare;

	/** Batches read and not yet taken, then {@link #END} or what stopped the reading. */
	private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * Starts reading.
	 * @param limit the most items to read, 0 for all
	 * @param prepare what to work out of each item as it is read
	 */
	BatchReader(ItemSource source, int batchSize, long limit, Function<SourceItem, ItemImport.Prepared> prepare) {
		this.source = source;
		this.batchSize = batchSize;
		this.limit = limit;
		this.prepare = prepare;
		this.thread = new Thread(this::read, "import-reader");
		// An import that failed must not keep the command's process alive.
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * The next batch, waiting for it to be read.
	 * @return the batch, or null after the last
	 * @throws RuntimeException what stopped the reading (an {@link ImportFailedException}
	 * for a bad file), once the batches before it were taken
	 */
	List<ItemImport.Prepared> next() {
		Object next;
		try {
			next = this.ready.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportFailedException("The import was interrupted; run it again to go on.", ex);
		}
		if (next == END) {
			// Taken again by any later call.
			this.ready.offer(END);
			return null;
		}
		if (next instanceof RuntimeException failure) {
			throw failure;
		}
		if (next instanceof Error error) {
			throw error;
		}
		@SuppressWarnings("unchecked")
		List<ItemImport.Prepared> batch = (List<ItemImport.Prepared>) next;
		return batch;
	}

	/** Stops reading (the import failed or is done) and waits for the thread to end. */
	@Override
	public void close() {
		this.closed = true;
		this.ready.clear();
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void read() {
		Object last = END;
		try {
			long read = 0;
			boolean more = true;
			while (more && !this.closed) {
				List<ItemImport.Prepared> batch = new ArrayList<>(this.batchSize);
				while (batch.size() < this.batchSize && !this.closed) {
					if (this.limit > 0 && read >= this.limit) {
						more = false;
						break;
					}
					SourceItem next = this.source.next();
					if (next == null) {
						more = false;
						break;
					}
					batch.add(this.prepare.apply(next));
					read++;
				}
				if (!batch.isEmpty()) {
					hand(batch);
				}
			}
		}
		catch (RuntimeException | Error ex) {
			last = ex;
		}
		hand(last);
	}

	/** Waits until the writing thread takes it, or the reading is closed. */
	private void hand(Object next) {
		try {
			while (!this.closed && !this.ready.offer(next, 100, TimeUnit.MILLISECONDS)) {
				// The writer is still at the batch before.
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
