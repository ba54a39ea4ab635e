package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One index segment's facet values and release instants, read once into arrays. A search
 * visits every matching story to count its facets exactly; reading a story's values from
 * an array costs a few nanoseconds where decoding them from doc values for every match
 * cost most of a search's time. A segment never changes once written (deletions leave its
 * values alone), so the arrays serve every searcher that shares the segment, until the
 * segment is merged away.
 */
final class SegmentColumns {

	/** A story released at no known instant is never public. */
	static final long NEVER = Long.MAX_VALUE;

	/**
	 * Where each story's facet ordinals start in {@link #ords}; one more entry at the
	 * end.
	 */
	private final int[] starts;

	private final int[] ords;

	/** Each ordinal's dimension, an index into {@link Search#DIMENSIONS}, or -1. */
	private final byte[] dimensions;

	/** Each ordinal's value (a code, slug or year). */
	private final String[] values;

	/** Ordinals by dimension and value. */
	private final List<Map<String, Integer>> ordinals;

	private final long[] releases;

	/**
	 * The latest release instant of the segment's stories ({@link #NEVER} if one has
	 * none); {@code Long.MIN_VALUE} for a segment without stories.
	 */
	private final long latestRelease;

	private SegmentColumns(int[] starts, int[] ords, byte[] dimensions, String[] values, long[] releases) {
		this.starts = starts;
		this.ords = ords;
		this.dimensions = dimensions;
		this.values = values;
		this.releases = releases;
		this.latestRelease = Arrays.stream(releases).max().orElse(Long.MIN_VALUE);
		this.ordinals = new java.util.ArrayList<>();
		for (int d = 0; d < Search.DIMENSIONS.length; d++) {
			this.ordinals.add(new HashMap<>());
		}
		for (int ord = 0; ord < values.length; ord++) {
			if (dimensions[ord] >= 0) {
				this.ordinals.get(dimensions[ord]).put(values[ord], ord);
			}
		}
	}

	static SegmentColumns read(LeafReader reader) throws IOException {
		int maxDoc = reader.maxDoc();
		SortedSetDocValues facets = DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
		int valueCount = (int) facets.getValueCount();
		byte[] dimensions = new byte[valueCount];
		String[] values = new String[valueCount];
		List<String> names = Arrays.asList(Search.DIMENSIONS);
		for (int ord = 0; ord < valueCount; ord++) {
			String[] path = FacetsConfig.stringToPath(facets.lookupOrd(ord).utf8ToString());
			dimensions[ord] = (byte) ((path.length == 2) ? names.indexOf(path[0]) : -1);
			values[ord] = path[path.length - 1];
		}
		int[] starts = new int[maxDoc + 1];
		int[] ords = new int[Math.max(16, maxDoc * 4)];
		int size = 0;
		int next = facets.nextDoc();
		for (int doc = 0; doc < maxDoc; doc++) {
			starts[doc] = size;
			if (next == doc) {
				int count = facets.docValueCount();
				if (size + count > ords.length) {
					ords = Arrays.copyOf(ords, Math.max(size + count, ords.length * 2));
				}
				for (int i = 0; i < count; i++) {
					ords[size++] = (int) facets.nextOrd();
				}
				next = facets.nextDoc();
			}
		}
		starts[maxDoc] = size;
		long[] releases = new long[maxDoc];
		Arrays.fill(releases, NEVER);
		NumericDocValues release = DocValues.getNumeric(reader, StoryDocument.RELEASE);
		for (int doc = release.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = release.nextDoc()) {
			releases[doc] = release.longValue();
		}
		return new SegmentColumns(starts, Arrays.copyOf(ords, size), dimensions, values, releases);
	}

	/** The story's release instant in epoch milliseconds, or {@link #NEVER}. */
	long release(int doc) {
		return this.releases[doc];
	}

	/**
	 * Whether every story of the segment is released at or before the instant: no story
	 * then needs its release checked.
	 */
	boolean allReleasedAt(long millis) {
		return this.latestRelease <= millis;
	}

	int start(int doc) {
		return this.starts[doc];
	}

	int end(int doc) {
		return this.starts[doc + 1];
	}

	/** The i-th facet ordinal of the segment's ordinal list. */
	int ord(int i) {
		return this.ords[i];
	}

	/** How many distinct facet values the segment holds. */
	int valueCount() {
		return this.values.length;
	}

	int dimension(int ord) {
		return this.dimensions[ord];
	}

	String value(int ord) {
		return this.values[ord];
	}

	/** The ordinal of a dimension's value, or -1 when no story of this segment has it. */
	int ordinal(int dimension, String value) {
		return this.ordinals.get(dimension).getOrDefault(value, -1);
	}

	/**
	 * The columns of each segment, read when a search first meets the segment and dropped
	 * when the segment is closed.
	 */
	static final class Cache {

		private final Map<IndexReader.CacheKey, SegmentColumns> segments = new ConcurrentHashMap<>();

		SegmentColumns of(LeafReader reader) {
			IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
			if (helper == null) {
				return read(reader, null);
			}
			SegmentColumns columns = this.segments.get(helper.getKey());
			if (columns == null) {
				columns = read(reader, helper);
			}
			return columns;
		}

		private SegmentColumns read(LeafReader reader, IndexReader.CacheHelper helper) {
			try {
				SegmentColumns columns = SegmentColumns.read(reader);
				if (helper != null && this.segments.putIfAbsent(helper.getKey(), columns) == null) {
					helper.addClosedListener(this.segments::remove);
				}
				return columns;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Segments held, for tests. */
		int size() {
			return this.segments.size();
		}

	}

}
