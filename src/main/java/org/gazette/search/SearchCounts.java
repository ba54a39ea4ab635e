package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TotalHitCountCollectorManager;

/**
 * The total and the facet counts of a search. Counting costs as much as there are
 * matches, so it is exact only up to a limit. Facets are counted over every story the
 * words match (the filters aside, as a selected facet still shows the other values to
 * switch to) when those are at most {@code limit}; above it, over a pseudo-random sample
 * of about {@code sampleSize} of them, scaled up and rounded, and marked as estimates
 * (unless the sample would have been all of them anyway). The total is counted when it is
 * at most {@code limit}, else estimated from the same sample (and never below the limit).
 */
final class SearchCounts {

	static final String[] DIMENSIONS = { StoryDocument.TYPE, StoryDocument.TOPIC, StoryDocument.AUTHOR,
			StoryDocument.YEAR };

	private final int limit;

	private final int sampleSize;

	SearchCounts(int limit, int sampleSize) {
		this.limit = limit;
		this.sampleSize = sampleSize;
	}

	/**
	 * A search's counts.
	 *
	 * @param total how many stories match, estimated and rounded unless totalExact
	 * @param totalExact whether the total was counted
	 * @param facets counts per dimension
	 * @param facetsExact whether the facets were counted over every match
	 */
	record Counts(long total, boolean totalExact, List<SearchResults.Facet> facets, boolean facetsExact) {
	}

	/**
	 * @param base the words and the visibility rule, without facet filters
	 * @param filtered adds the reader's facet filters to a query
	 */
	Counts count(StorySearcher searcher, Query base, Function<Query, DrillDownQuery> filtered) throws IOException {
		DrillDownQuery all = filtered.apply(base);
		Reach found = reach(searcher, all);
		Reach words = (all.getDrillDownQueries().length == 0) ? found : reach(searcher, base);
		double share = (words.matches <= this.limit) ? 1 : Math.min(1, this.sampleSize / words.estimate(searcher));
		Query counted = (share < 1)
				? new BooleanQuery.Builder().add(base, Occur.MUST).add(new SampleQuery(share), Occur.FILTER).build()
				: base;
		DrillSideways sideways = new DrillSideways(searcher, StoryDocument.FACETS, searcher.facets());
		DrillSideways.ConcurrentDrillSidewaysResult<Integer> result = sideways.search(filtered.apply(counted),
				new TotalHitCountCollectorManager());
		boolean totalExact = found.matches <= this.limit || share == 1;
		long total = (found.matches <= this.limit) ? found.matches : (share == 1) ? result.collectorResult
				: Math.max(found.matches, about(result.collectorResult / share));
		return new Counts(total, totalExact, facets(result.facets, share), share == 1);
	}

	/** Counts the query's matches up to one past the limit. */
	private Reach reach(StorySearcher searcher, Query query) throws IOException {
		Reach reach = new Reach(this.limit);
		searcher.search(query, reach.manager());
		return reach;
	}

	private static List<SearchResults.Facet> facets(Facets facets, double share) throws IOException {
		List<SearchResults.Facet> result = new ArrayList<>();
		for (String dimension : DIMENSIONS) {
			FacetResult counts = facets.getTopChildren(50, dimension);
			List<SearchResults.FacetValue> values = new ArrayList<>();
			if (counts != null) {
				for (LabelAndValue value : counts.labelValues) {
					long count = value.value.longValue();
					values.add(new SearchResults.FacetValue(value.label, (share == 1) ? count : about(count / share)));
				}
			}
			result.add(new SearchResults.Facet(dimension, values));
		}
		return result;
	}

	/**
	 * An estimate rounded to two significant digits (12,345 is "about 12,000"): more
	 * digits would claim a precision the sample does not have.
	 */
	static long about(double estimate) {
		if (estimate < 10) {
			return Math.max(1, Math.round(estimate));
		}
		double unit = Math.pow(10, Math.floor(Math.log10(estimate)) - 1);
		return Math.round(Math.round(estimate / unit) * unit);
	}

	/**
	 * Counts matches in index order and stops one past the limit; how far into the index
	 * that took tells roughly how many matches there are in all.
	 */
	private static final class Reach implements Collector {

		private final int limit;

		private int matches;

		private int lastDoc = -1;

		Reach(int limit) {
			this.limit = limit;
		}

		double estimate(StorySearcher searcher) {
			return (double) this.matches * searcher.getIndexReader().maxDoc() / (this.lastDoc + 1);
		}

		CollectorManager<Reach, Void> manager() {
			// One collector for all leaves: with no executor, the searcher visits them in
			// order, on this thread.
			return new CollectorManager<>() {
				@Override
				public Reach newCollector() {
					return Reach.this;
				}

				@Override
				public Void reduce(Collection<Reach> collectors) {
					return null;
				}
			};
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) {
			if (this.matches > this.limit) {
				throw new CollectionTerminatedException();
			}
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) {
					Reach.this.matches++;
					if (Reach.this.matches > Reach.this.limit) {
						Reach.this.lastDoc = context.docBase + doc;
						throw new CollectionTerminatedException();
					}
				}
			};
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
