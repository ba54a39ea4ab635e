package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * What a search can reuse while the index and the set of public stories stay the same:
 * the answers already given. Readers repeat the head queries, and a repeated search then
 * costs a map lookup instead of scoring and counting every match.
 * <p>
 * An answer is only reused while it is still the true one. It belongs to one index
 * reader, so any change to the index (a publish, an update, an unpublish) starts afresh;
 * and to a window of time that ends at the next release instant in the index, so a
 * scheduled story appears at its release instant, as the visibility rule says, and never
 * before: nothing computed before that instant is served after it. The window is also
 * short (the recency boost moves with the clock) and never reaches back before the
 * instant it was opened, should the clock be set back.
 */
final class SearcherCache {

	/**
	 * How long an answer is kept at most: the recency boost is computed for its start.
	 */
	static final Duration LIFETIME = Duration.ofSeconds(60);

	/**
	 * Answers kept unless configured otherwise: each is one page of ten hits with its
	 * facets, a few kilobytes.
	 */
	static final int DEFAULT_ANSWERS_KEPT = 2_000;

	/** Answers kept per window. */
	private final int answersKept;

	private volatile Window window;

	SearcherCache(int answersKept) {
		this.answersKept = answersKept;
	}

	/**
	 * The answer to a search at this instant, computed by {@code search} unless the same
	 * search was answered on this reader within the current window.
	 */
	SearchResults answer(IndexSearcher searcher, Instant now, SearchQuery query, Supplier<SearchResults> search) {
		if (this.answersKept == 0) {
			return search.get();
		}
		return window(searcher, now).answers().get(query, (key) -> search.get());
	}

	/**
	 * The answer given to the same search on this reader within the current window, or
	 * null.
	 */
	SearchResults kept(IndexSearcher searcher, Instant now, SearchQuery query) {
		if (this.answersKept == 0) {
			return null;
		}
		return window(searcher, now).answers().getIfPresent(query);
	}

	private Window window(IndexSearcher searcher, Instant now) {
		Window current = this.window;
		if (current != null && current.holds(searcher.getIndexReader(), now)) {
			return current;
		}
		Window next = new Window(searcher.getIndexReader(), now, nextRelease(searcher, now), this.answersKept);
		this.window = next;
		return next;
	}

	/**
	 * The earliest release instant after now in the index, or the end of the window's
	 * lifetime when that is sooner.
	 */
	private static Instant nextRelease(IndexSearcher searcher, Instant now) {
		Instant limit = now.plus(LIFETIME);
		try {
			TopDocs next = searcher.search(
					LongPoint.newRangeQuery(StoryDocument.RELEASE, now.toEpochMilli() + 1, limit.toEpochMilli()), 1,
					new Sort(new SortField(StoryDocument.RELEASE, SortField.Type.LONG)));
			if (next.scoreDocs.length == 0) {
				return limit;
			}
			long release = searcher.storedFields()
				.document(next.scoreDocs[0].doc)
				.getField(StoryDocument.RELEASE)
				.numericValue()
				.longValue();
			return Instant.ofEpochMilli(release);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One reader and the span of time [from, until) in which no story's release instant
	 * falls, with what was computed for it.
	 */
	private static final class Window {

		private final IndexReader reader;

		private final Instant from;

		private final Instant until;

		private final Cache<SearchQuery, SearchResults> answers;

		Window(IndexReader reader, Instant from, Instant until, int answersKept) {
			this.reader = reader;
			this.from = from;
			this.until = until;
			this.answers = Caffeine.newBuilder().maximumSize(answersKept).build();
		}

		boolean holds(IndexReader reader, Instant now) {
			return this.reader == reader && !now.isBefore(this.from) && now.isBefore(this.until);
		}

		Cache<SearchQuery, SearchResults> answers() {
			return this.answers;
		}

	}

}
