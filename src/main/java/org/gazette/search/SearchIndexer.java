package org.gazette.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.ChangeLog;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index current: opens it on start (catching up on changes made while
 * the node was down) or rebuilds it in the background when it is missing, unreadable or
 * from an older schema; then applies each change event's stories as they arrive. Updates
 * are searchable at once; the commit that makes them durable follows on a thread of its
 * own, so that a slow disk never holds up the change events this node follows.
 */
@Component
class SearchIndexer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SearchIndexer.class);

	private static final int BATCH = 500;

	private final SearchIndex index;

	private final Newsroom newsroom;

	private final ChangeLog changes;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "search-index-rebuild");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService commits = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "search-index-commit");
		thread.setDaemon(true);
		return thread;
	});

	/** Whether a commit is queued and not yet started: one queued commit covers all. */
	private final AtomicBoolean commitQueued = new AtomicBoolean();

	SearchIndexer(SearchProperties properties, GazetteProperties site, Newsroom newsroom, ChangeLog changes) {
		this.index = new SearchIndex(properties.indexDirectory(), site.timeZone());
		this.newsroom = newsroom;
		this.changes = changes;
	}

	SearchIndex index() {
		return this.index;
	}

	@EventListener
	void ready(ApplicationReadyEvent ready) {
		// An operator's command does its work and exits; reindex rebuilds on purpose.
		if (!ready.getApplicationContext().getEnvironment().containsProperty("gazette.command")) {
			start();
		}
	}

	void start() {
		if (this.index.open()) {
			catchUp();
		}
		else {
			this.background.execute(this::rebuildLogged);
		}
	}

	private void rebuildLogged() {
		try {
			rebuild();
		}
		catch (RuntimeException ex) {
			logger.error("Search index rebuild failed; searches find nothing until it succeeds", ex);
		}
	}

	/**
	 * Rebuilds the whole index from the database; searches go on against the old one
	 * meanwhile.
	 */
	synchronized int rebuild() {
		long started = System.nanoTime();
		long eventId = this.changes.lastEventId();
		int count = this.index.rebuild((after) -> this.newsroom.indexable(after, BATCH), eventId);
		logger.info("Search index rebuilt: {} stories in {} ms", count, (System.nanoTime() - started) / 1_000_000);
		return count;
	}

	@EventListener
	void on(PublicContentChanged changed) {
		try {
			if (changed.everything()) {
				rebuild();
			}
			else if (this.index.isOpen()) {
				apply(changed.articleIds(), changed.lastEventId());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Search index update failed; rebuilding it", ex);
			this.background.execute(this::rebuildLogged);
		}
	}

	private void catchUp() {
		Set<Long> changed = this.changes.articlesChangedAfter(this.index.appliedEventId());
		if (!changed.isEmpty()) {
			apply(changed, this.changes.lastEventId());
		}
	}

	private synchronized void apply(Set<Long> articleIds, long eventId) {
		List<Long> ids = List.copyOf(new HashSet<>(articleIds));
		List<IndexableStory> stories = this.newsroom.indexable(ids);
		this.index.update(ids, stories, eventId);
		commitSoon();
	}

	private void commitSoon() {
		if (this.commitQueued.compareAndSet(false, true)) {
			this.commits.execute(() -> {
				this.commitQueued.set(false);
				try {
					this.index.commit();
				}
				catch (RuntimeException ex) {
					logger.warn("Search index commit failed; the next change retries it", ex);
				}
			});
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
		this.commits.shutdown();
		// Closing commits whatever is left.
		this.index.close();
	}

}
