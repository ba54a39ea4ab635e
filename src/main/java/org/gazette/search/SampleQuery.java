package org.gazette.search;

import java.util.SplittableRandom;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Matches a pseudo-random share of the documents, each with about the given probability;
 * as a filter it makes a query visit only that share of its matches (the sample leads the
 * conjunction), which is how broad searches count facets cheaply. The same share of the
 * same index is always drawn, so repeating a search repeats its estimates.
 */
final class SampleQuery extends Query {

	private static final long SEED = 0x5EA2C4L;

	private final double probability;

	SampleQuery(double probability) {
		if (!(probability > 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability " + probability);
		}
		this.probability = probability;
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
		return new ConstantScoreWeight(this, boost) {
			@Override
			public Scorer scorer(LeafReaderContext context) {
				int maxDoc = context.reader().maxDoc();
				return new ConstantScoreScorer(this, score(), scoreMode,
						new Gaps(maxDoc, SampleQuery.this.probability, SEED + context.docBase));
			}

			@Override
			public boolean isCacheable(LeafReaderContext context) {
				return false;
			}
		};
	}

	@Override
	public String toString(String field) {
		return "sample(" + this.probability + ")";
	}

	@Override
	public void visit(QueryVisitor visitor) {
		visitor.visitLeaf(this);
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && ((SampleQuery) other).probability == this.probability;
	}

	@Override
	public int hashCode() {
		return classHash() ^ Double.hashCode(this.probability);
	}

	/**
	 * Documents at geometrically distributed gaps: each document is in the sample with
	 * the probability, independently of its neighbours, and the sample is walked without
	 * touching the documents in between.
	 */
	private static final class Gaps extends DocIdSetIterator {

		private final int maxDoc;

		private final double probability;

		private final double logMiss;

		private final SplittableRandom random;

		private int doc = -1;

		Gaps(int maxDoc, double probability, long seed) {
			this.maxDoc = maxDoc;
			this.probability = probability;
			this.logMiss = (probability < 1) ? Math.log1p(-probability) : Double.NEGATIVE_INFINITY;
			this.random = new SplittableRandom(seed);
		}

		@Override
		public int docID() {
			return this.doc;
		}

		@Override
		public int nextDoc() {
			double skip = Math.floor(Math.log(1 - this.random.nextDouble()) / this.logMiss);
			long next = (long) this.doc + 1 + (long) Math.min(skip, Integer.MAX_VALUE);
			this.doc = (next >= this.maxDoc) ? NO_MORE_DOCS : (int) next;
			return this.doc;
		}

		@Override
		public int advance(int target) {
			while (this.doc < target) {
				nextDoc();
			}
			return this.doc;
		}

		@Override
		public long cost() {
			return Math.max(1, (long) (this.maxDoc * this.probability));
		}

	}

}
