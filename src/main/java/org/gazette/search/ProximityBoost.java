package org.gazette.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Adds the {@link QueryBuilder#proximity proximity} score of each of the best hits by the
 * words alone, with the same freshness factor, and ranks them again. A hit's score is
 * then the one the words and the proximity clauses would give together, as when they were
 * one query; only the stories outside the window are not lifted.
 * <p>
 * Why a window: a phrase is checked by reading the positions of its words in every story
 * it is asked about, and a sloppy phrase gives Lucene no bound to skip with, so scoring
 * it for every story holding the words cost most of a multi-word search. The stories it
 * lifts hold the words, often in the title, and rank well on them already.
 */
final class ProximityBoost {

	/**
	 * Hits by the words alone that the proximity clauses may reorder: ten pages of ten.
	 */
	static final int WINDOW = 100;

	/** Best first; ties to the earlier document, as Lucene orders hits. */
	private static final Comparator<ScoreDoc> RANK = Comparator.comparingDouble((ScoreDoc hit) -> -hit.score)
		.thenComparingInt((hit) -> hit.doc);

	private ProximityBoost() {
	}

	/**
	 * The hits with the proximity score added (times each story's freshness factor), best
	 * first. The hits' scores are changed in place.
	 */
	static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] hits, Query proximity, SegmentColumns.Cache columns,
			long nowMillis) throws IOException {
		if (hits.length == 0) {
			return hits;
		}
		Weight weight = searcher.createWeight(searcher.rewrite(proximity), ScoreMode.COMPLETE, 1);
		RecencyBoost boost = new RecencyBoost(nowMillis);
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		ScoreDoc[] byDoc = hits.clone();
		Arrays.sort(byDoc, Comparator.comparingInt((ScoreDoc hit) -> hit.doc));
		int leaf = -1;
		LeafReaderContext context = null;
		Scorer scorer = null;
		SegmentColumns segment = null;
		for (ScoreDoc hit : byDoc) {
			int index = ReaderUtil.subIndex(hit.doc, leaves);
			if (index != leaf) {
				leaf = index;
				context = leaves.get(index);
				scorer = weight.scorer(context);
				segment = columns.of(context.reader());
			}
			if (scorer == null) {
				continue;
			}
			int doc = hit.doc - context.docBase;
			if (matches(scorer, doc)) {
				hit.score += (float) (scorer.score() * boost.factor(segment.release(doc)));
			}
		}
		ScoreDoc[] ranked = hits.clone();
		Arrays.sort(ranked, RANK);
		return ranked;
	}

	/**
	 * Whether the scorer matches the story, positioned on it if so; stories are asked in
	 * increasing order. The phrases' positions are read for the story asked about only:
	 * advancing the scorer itself would also check every story between two hits that
	 * holds the words, until one matches.
	 */
	private static boolean matches(Scorer scorer, int doc) throws IOException {
		TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
		DocIdSetIterator approximation = (twoPhase != null) ? twoPhase.approximation() : scorer.iterator();
		int at = approximation.docID();
		if (at < doc) {
			at = approximation.advance(doc);
		}
		return at == doc && (twoPhase == null || twoPhase.matches());
	}

}
