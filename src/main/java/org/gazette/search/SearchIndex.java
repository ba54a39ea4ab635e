package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.IOUtils;
import org.gazette.publishing.IndexableStory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Lucene index. The live index is a folder named in a pointer file; a rebuild
 * writes a new folder while searches go on against the old one, then swaps the pointer,
 * so a crash at any moment leaves either the old complete index or the new one. Each
 * commit records the schema version, so an index from an older Gazette is rebuilt rather
 * than misread.
 */
final class SearchIndex implements AutoCloseable {

	/**
	 * Bumped whenever documents change shape; an index with another version is rebuilt.
	 */
	static final String SCHEMA = "8";

	/**
	 * The order of the stories in the index: the newest first. Ranking then meets the
	 * freshest stories, whose boost is largest, first, and each later story can gain less
	 * from its boost than the one before (see {@link RankedHits}); newest first is the
	 * index's own order.
	 */
	static final Sort NEWEST_FIRST = new Sort(new SortField(StoryDocument.RELEASE, SortField.Type.LONG, true));

	private static final Logger logger = LoggerFactory.getLogger(SearchIndex.class);

	private final Path root;

	private final ZoneId zone;

	private final Analyzer analyzer = StoryDocument.ANALYZER;

	private volatile Live live;

	/**
	 * The index in use, and the change event it has applied up to (in memory: commits,
	 * which make it durable, come later).
	 */
	private record Live(Path folder, Directory directory, IndexWriter writer, SearcherManager searchers,
			AtomicLong applied) {

		Live(Path folder, Directory directory, IndexWriter writer, long applied) throws IOException {
			this(folder, directory, writer, new SearcherManager(writer, null), new AtomicLong(applied));
		}

	}

	/** Held while committing, so that two commits do not interleave. */
	private final Object commits = new Object();

	SearchIndex(Path root, ZoneId zone) {
		this.root = root;
		this.zone = zone;
	}

	Analyzer analyzer() {
		return this.analyzer;
	}

	/**
	 * Opens the live index; false when there is none, it is unreadable or from another
	 * schema version, and it must be rebuilt.
	 */
	synchronized boolean open() {
		Directory directory = null;
		IndexWriter writer = null;
		try {
			Files.createDirectories(this.root);
			Path pointer = this.root.resolve("current");
			if (!Files.exists(pointer)) {
				return false;
			}
			Path folder = this.root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
			directory = directory(folder);
			if (!DirectoryReader.indexExists(directory)) {
				directory.close();
				return false;
			}
			// The schema is read before a writer is opened: a writer refuses an index
			// laid out in another order (schema 5 and before were not sorted).
			String schema = SegmentInfos.readLatestCommit(directory).getUserData().get("schema");
			if (!SCHEMA.equals(schema)) {
				logger.info("Search index has schema {} where {} is expected; it will be rebuilt", schema, SCHEMA);
				directory.close();
				return false;
			}
			writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
			this.live = new Live(folder, directory, writer,
					Long.parseLong(userData(writer).getOrDefault("event", "0")));
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Search index cannot be opened ({}); it will be rebuilt", ex.toString());
			IOUtils.closeWhileHandlingException(writer, directory);
			return false;
		}
	}

	/** The change event this index has applied up to, or 0. */
	long appliedEventId() {
		Live current = this.live;
		return (current != null) ? current.applied().get() : 0;
	}

	boolean isOpen() {
		return this.live != null;
	}

	/**
	 * Builds a complete new index from batches of stories, then makes it the live one.
	 * @param batches called with the last id seen (0 first); returns the next batch,
	 * empty at the end
	 * @param eventId the change event the database was at before reading
	 * @return how many stories were indexed
	 */
	int rebuild(Function<Long, List<IndexableStory>> batches, long eventId) {
		Path folder = this.root.resolve("index-" + System.nanoTime());
		int count = 0;
		// The next batch is read (from the database) and laid out as documents on a
		// thread of its own while this one indexes the current batch: the two steps use
		// both cores instead of taking turns on one. The index keeps its stories newest
		// first whatever the order they are added in.
		ExecutorService reader = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "search-index-read");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Files.createDirectories(this.root);
			Directory directory = directory(folder);
			IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
			Future<Batch> next = reader.submit(() -> read(batches, 0));
			for (Batch batch = await(next); !batch.documents().isEmpty(); batch = await(next)) {
				long after = batch.lastId();
				next = reader.submit(() -> read(batches, after));
				for (Document doc : batch.documents()) {
					writer.addDocument(doc);
					count++;
				}
			}
			// One segment: a search then looks each word up once instead of once per
			// segment and collects one leaf (bench/README.md, "Search").
			writer.forceMerge(1);
			commit(writer, eventId);
			swapTo(new Live(folder, directory, writer, eventId));
			return count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not build the search index in " + folder, ex);
		}
		finally {
			reader.shutdownNow();
		}
	}

	/** A batch of stories as documents, and the id of its last story. */
	private record Batch(List<Document> documents, long lastId) {
	}

	private Batch read(Function<Long, List<IndexableStory>> batches, long after) {
		List<IndexableStory> stories = batches.apply(after);
		List<Document> documents = stories.stream().map((story) -> StoryDocument.of(story, this.zone)).toList();
		return new Batch(documents, stories.isEmpty() ? after : stories.get(stories.size() - 1).id());
	}

	/** The batch read on the reader thread; what failed there fails here. */
	private static Batch await(Future<Batch> batch) throws IOException {
		try {
			return batch.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Search index rebuild interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IOException(ex.getCause());
		}
	}

	/**
	 * Replaces or removes the given stories; searches see the change when this returns.
	 * It is not yet durable: {@link #commit()} makes it so, and a node that stops before
	 * then catches up from the last committed change event when it starts again.
	 */
	synchronized void update(Collection<Long> ids, List<IndexableStory> stories, long eventId) {
		Live current = this.live;
		if (current == null) {
			return;
		}
		try {
			for (long id : ids) {
				current.writer().deleteDocuments(new Term(StoryDocument.ID, Long.toString(id)));
			}
			for (IndexableStory story : stories) {
				current.writer()
					.updateDocument(new Term(StoryDocument.ID, Long.toString(story.id())),
							StoryDocument.of(story, this.zone));
			}
			current.applied().accumulateAndGet(eventId, Math::max);
			// A near-real-time reader: no fsync on the way, which a commit would wait
			// for.
			current.searchers().maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes the updates so far durable, with the change event they reach. Slow (it syncs
	 * to disk), so it runs apart from updates, which go on meanwhile.
	 */
	void commit() {
		synchronized (this.commits) {
			Live current = this.live;
			if (current == null) {
				return;
			}
			// Read first: every update up to this event is in the writer before the
			// commit starts, so the commit holds at least what it claims.
			long applied = current.applied().get();
			try {
				commit(current.writer(), applied);
			}
			catch (AlreadyClosedException ex) {
				// Replaced by a rebuild or closed meanwhile: that committed already.
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** Runs a search against the newest searcher; empty when there is no index yet. */
	<T> T search(Function<IndexSearcher, T> search, T whenClosed) {
		Live current = this.live;
		if (current == null) {
			return whenClosed;
		}
		try {
			IndexSearcher searcher = current.searchers().acquire();
			try {
				return search.apply(searcher);
			}
			finally {
				current.searchers().release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Bytes the live index takes on disk. */
	long sizeInBytes() {
		Live current = this.live;
		if (current == null) {
			return 0;
		}
		try (var files = Files.list(current.folder())) {
			return files.mapToLong((file) -> file.toFile().length()).sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Override
	public synchronized void close() {
		try {
			commit();
		}
		catch (UncheckedIOException ex) {
			logger.warn("Search index not committed on close ({}); it catches up on the next start", ex.toString());
		}
		Live current = this.live;
		this.live = null;
		if (current != null) {
			IOUtils.closeWhileHandlingException(current.searchers(), current.writer(), current.directory());
		}
	}

	private synchronized void swapTo(Live next) throws IOException {
		Path pointer = this.root.resolve("current");
		Path temporary = this.root.resolve("current.tmp");
		Files.writeString(temporary, next.folder().getFileName().toString(), StandardCharsets.UTF_8);
		Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		Live previous = this.live;
		this.live = next;
		if (previous != null) {
			IOUtils.closeWhileHandlingException(previous.searchers(), previous.writer(), previous.directory());
		}
		// Folders of earlier indexes (including one left by a crash mid-rebuild) are not
		// needed.
		try (var folders = Files.list(this.root)) {
			folders.filter((folder) -> folder.getFileName().toString().startsWith("index-"))
				.filter((folder) -> !folder.equals(next.folder()))
				.forEach(SearchIndex::deleteQuietly);
		}
	}

	private static void deleteQuietly(Path folder) {
		try (var files = Files.walk(folder)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			logger.warn("Could not delete old search index {}", folder);
		}
	}

	private static void commit(IndexWriter writer, long eventId) throws IOException {
		writer.setLiveCommitData(Map.of("schema", SCHEMA, "event", Long.toString(eventId)).entrySet());
		writer.commit();
	}

	private static Map<String, String> userData(IndexWriter writer) {
		Map<String, String> data = new java.util.HashMap<>();
		Iterable<Map.Entry<String, String>> entries = writer.getLiveCommitData();
		if (entries != null) {
			entries.forEach((entry) -> data.put(entry.getKey(), entry.getValue()));
		}
		return data;
	}

	/**
	 * The folder, with the small segments that updates flush kept in memory until the
	 * next commit: an update is searchable without waiting for the disk, however busy.
	 */
	private static Directory directory(Path folder) throws IOException {
		return new NRTCachingDirectory(FSDirectory.open(folder), 4, 32);
	}

	private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
		IndexWriterConfig config = new IndexWriterConfig(this.analyzer);
		config.setOpenMode(mode);
		config.setRAMBufferSizeMB(64);
		config.setIndexSort(NEWEST_FIRST);
		return config;
	}

}
