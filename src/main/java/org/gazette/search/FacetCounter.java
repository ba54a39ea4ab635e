package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Counts the public stories that match a query, and their facet values, in one pass over
 * the matches without scoring them. Counts are exact and "sideways", as Lucene's
 * {@code DrillSideways} gives them: a dimension the reader filtered on is counted over
 * the stories that pass every other filter, so its other values stay visible with the
 * number each would give; every other dimension is counted over the stories that pass all
 * filters, which are the results.
 */
final class FacetCounter implements Collector {

	/** Values shown per dimension, the most frequent first. */
	static final int VALUES_SHOWN = 50;

	private final SegmentColumns.Cache columns;

	private final long nowMillis;

	/** The value filtered on per dimension of {@link Search#DIMENSIONS}, or null. */
	private final String[] filters;

	private final boolean filtered;

	private long total;

	/** Given every story counted in the total, with its score; or null. */
	private RankedHits ranked;

	/** Each segment's counts by ordinal, to add up by value at the end. */
	private final List<Segment> segments = new ArrayList<>();

	private record Segment(SegmentColumns columns, int[] counts) {
	}

	/**
	 * @param filters the value filtered on per dimension of {@link Search#DIMENSIONS}, or
	 * null
	 */
	FacetCounter(SegmentColumns.Cache columns, long nowMillis, String[] filters) {
		this.columns = columns;
		this.nowMillis = nowMillis;
		this.filters = filters;
		boolean any = false;
		for (String filter : filters) {
			any |= filter != null;
		}
		this.filtered = any;
	}

	/**
	 * Ranks the stories counted in the total (those the filtered query finds) as they are
	 * counted, each scored by the query counted with.
	 */
	FacetCounter ranking(RankedHits ranked) {
		this.ranked = ranked.scoringEveryMatch();
		return this;
	}

	/** Counts the matches of a search by this collector. */
	CollectorManager<FacetCounter, FacetCounter> manager() {
		return new CollectorManager<>() {
			@Override
			public FacetCounter newCollector() {
				return FacetCounter.this;
			}

			@Override
			public FacetCounter reduce(Collection<FacetCounter> collectors) {
				return FacetCounter.this;
			}
		};
	}

	@Override
	public ScoreMode scoreMode() {
		return (this.ranked != null) ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		SegmentColumns segment = this.columns.of(context.reader());
		int[] counts = new int[segment.valueCount()];
		this.segments.add(new Segment(segment, counts));
		LeafCollector ranked = (this.ranked != null) ? this.ranked.getLeafCollector(context) : null;
		if (!this.filtered) {
			boolean allReleased = segment.allReleasedAt(this.nowMillis);
			return new Leaf(ranked) {
				@Override
				public void collect(int doc) throws IOException {
					if (allReleased || segment.release(doc) <= FacetCounter.this.nowMillis) {
						FacetCounter.this.total++;
						rank(doc);
						for (int i = segment.start(doc), end = segment.end(doc); i < end; i++) {
							counts[segment.ord(i)]++;
						}
					}
				}
			};
		}
		int[] wanted = new int[this.filters.length];
		for (int d = 0; d < wanted.length; d++) {
			wanted[d] = (this.filters[d] != null) ? segment.ordinal(d, this.filters[d]) : Integer.MIN_VALUE;
		}
		return new Leaf(ranked) {
			@Override
			public void collect(int doc) throws IOException {
				if (segment.release(doc) > FacetCounter.this.nowMillis) {
					return;
				}
				int start = segment.start(doc);
				int end = segment.end(doc);
				int failed = -1;
				for (int d = 0; d < wanted.length; d++) {
					if (wanted[d] != Integer.MIN_VALUE && !holds(segment, start, end, wanted[d])) {
						if (failed >= 0) {
							return;
						}
						failed = d;
					}
				}
				if (failed < 0) {
					FacetCounter.this.total++;
					rank(doc);
					for (int i = start; i < end; i++) {
						counts[segment.ord(i)]++;
					}
				}
				else {
					// Fails one filter only: counts for that dimension, sideways.
					for (int i = start; i < end; i++) {
						int ord = segment.ord(i);
						if (segment.dimension(ord) == failed) {
							counts[ord]++;
						}
					}
				}
			}
		};
	}

	private static boolean holds(SegmentColumns segment, int start, int end, int ord) {
		for (int i = start; i < end; i++) {
			if (segment.ord(i) == ord) {
				return true;
			}
		}
		return false;
	}

	/** How many public stories pass every filter. */
	long total() {
		return this.total;
	}

	/**
	 * The counts per dimension, in the order of {@link Search#DIMENSIONS}: at most
	 * {@value #VALUES_SHOWN} values each, the most frequent first, ties in the order of
	 * the values.
	 */
	List<SearchResults.Facet> facets() {
		List<Map<String, Long>> byDimension = new ArrayList<>();
		for (int d = 0; d < Search.DIMENSIONS.length; d++) {
			byDimension.add(new HashMap<>());
		}
		for (Segment segment : this.segments) {
			int[] counts = segment.counts();
			for (int ord = 0; ord < counts.length; ord++) {
				int dimension = segment.columns().dimension(ord);
				if (counts[ord] > 0 && dimension >= 0) {
					byDimension.get(dimension).merge(segment.columns().value(ord), (long) counts[ord], Long::sum);
				}
			}
		}
		Comparator<SearchResults.FacetValue> order = Comparator
			.comparingLong((SearchResults.FacetValue value) -> -value.count())
			.thenComparing((value) -> new BytesRef(value.value()));
		List<SearchResults.Facet> facets = new ArrayList<>();
		for (int d = 0; d < Search.DIMENSIONS.length; d++) {
			List<SearchResults.FacetValue> values = byDimension.get(d)
				.entrySet()
				.stream()
				.map((entry) -> new SearchResults.FacetValue(entry.getKey(), entry.getValue()))
				.sorted(order)
				.limit(VALUES_SHOWN)
				.toList();
			facets.add(new SearchResults.Facet(Search.DIMENSIONS[d], values));
		}
		return facets;
	}

	private abstract static class Leaf implements LeafCollector {

		private final LeafCollector ranked;

		Leaf(LeafCollector ranked) {
			this.ranked = ranked;
		}

		@Override
		public void setScorer(Scorable scorer) throws IOException {
			if (this.ranked != null) {
				this.ranked.setScorer(scorer);
			}
		}

		void rank(int doc) throws IOException {
			if (this.ranked != null) {
				this.ranked.collect(doc);
			}
		}

	}

}
