package org.gazette.search;

import java.io.IOException;
import java.util.Collection;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * The best public matches by relevance with the freshness boost: each match's score times
 * its {@link RecencyBoost} factor, best first, ties to the earlier document, as Lucene's
 * own top-docs collector orders them.
 * <p>
 * The boost is applied here rather than in the query so that Lucene can skip the matches
 * that cannot reach the page: once the page is full, a match must score more than the
 * weakest hit on it divided by the largest factor it could still get to enter, and the
 * scorer is told so. The index holds the newest stories first, so that largest factor
 * falls as the search goes on: every story after the one just seen was released no later,
 * and its boost is at most that story's. That keeps the ranking exact while most matches
 * of a common word are never scored.
 */
final class RankedHits implements Collector {

	/** How much the minimum competitive score must rise before the scorer is told. */
	private static final float MINIMUM_STEP = 1.01f;

	private final SegmentColumns.Cache columns;

	private final long nowMillis;

	private final RecencyBoost boost;

	private final int size;

	private final HitQueue queue;

	private int queued;

	/** Whether the scorer may skip matches (else it scores every one it is asked to). */
	private boolean skipping = true;

	RankedHits(SegmentColumns.Cache columns, long nowMillis, int size) {
		this.columns = columns;
		this.nowMillis = nowMillis;
		this.boost = new RecencyBoost(nowMillis);
		this.size = size;
		this.queue = new HitQueue(size, false);
	}

	/**
	 * For a search that scores every match anyway (another collector needs them all): no
	 * minimum score is passed to the scorer.
	 */
	RankedHits scoringEveryMatch() {
		this.skipping = false;
		return this;
	}

	/** Collects the matches of a search into this collector. */
	CollectorManager<RankedHits, RankedHits> manager() {
		return new CollectorManager<>() {
			@Override
			public RankedHits newCollector() {
				return RankedHits.this;
			}

			@Override
			public RankedHits reduce(Collection<RankedHits> collectors) {
				return RankedHits.this;
			}
		};
	}

	@Override
	public ScoreMode scoreMode() {
		return this.skipping ? ScoreMode.TOP_SCORES : ScoreMode.COMPLETE;
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) {
		SegmentColumns segment = this.columns.of(context.reader());
		int docBase = context.docBase;
		boolean newestFirst = SearchIndex.NEWEST_FIRST.equals(context.reader().getMetaData().getSort());
		return new LeafCollector() {

			private Scorable scorer;

			private float minimum;

			/** The largest factor a story not yet seen in this segment can get. */
			private double largestFactor = RecencyBoost.MAX;

			@Override
			public void setScorer(Scorable scorer) throws IOException {
				// Some bulk scorers hand over the same scorer again for each range they
				// score (an exclusion, between two excluded stories): it keeps the
				// minimum it was told.
				if (scorer != this.scorer) {
					this.scorer = scorer;
					this.minimum = 0;
				}
				if (RankedHits.this.queued == RankedHits.this.size) {
					raiseMinimum();
				}
			}

			@Override
			public void collect(int doc) throws IOException {
				long release = segment.release(doc);
				if (release > RankedHits.this.nowMillis) {
					return;
				}
				double factor = RankedHits.this.boost.factor(release);
				float score = (float) (this.scorer.score() * factor);
				HitQueue queue = RankedHits.this.queue;
				// A larger factor than the true one is still a bound: it is lowered by
				// steps, each of which may raise the minimum.
				boolean lowered = newestFirst && factor * MINIMUM_STEP < this.largestFactor;
				if (lowered) {
					this.largestFactor = factor;
				}
				if (RankedHits.this.queued < RankedHits.this.size) {
					queue.add(new ScoreDoc(docBase + doc, score));
					if (++RankedHits.this.queued == RankedHits.this.size) {
						raiseMinimum();
					}
				}
				else if (score > queue.top().score) {
					ScoreDoc weakest = queue.top();
					weakest.doc = docBase + doc;
					weakest.score = score;
					queue.updateTop();
					raiseMinimum();
				}
				else if (lowered) {
					raiseMinimum();
				}
			}

			/**
			 * Lets the scorer skip matches that even the largest boost still possible
			 * could not lift above the weakest hit kept (a tie loses: it comes later).
			 * The scorer is told only when the minimum has risen by a step: telling it
			 * costs (a disjunction passes it to each field's scorer), and most rises are
			 * tiny. An older, lower minimum skips less but never a hit that could enter.
			 */
			private void raiseMinimum() throws IOException {
				if (!RankedHits.this.skipping) {
					return;
				}
				float minimum = Math.nextDown((float) (RankedHits.this.queue.top().score / this.largestFactor));
				if (minimum > this.minimum * MINIMUM_STEP) {
					this.minimum = minimum;
					this.scorer.setMinCompetitiveScore(minimum);
				}
			}

		};
	}

	/** The hits, best first. */
	ScoreDoc[] hits() {
		ScoreDoc[] hits = new ScoreDoc[this.queued];
		for (int i = hits.length - 1; i >= 0; i--) {
			hits[i] = this.queue.pop();
		}
		return hits;
	}

}
