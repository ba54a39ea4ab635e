package org.gazette.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Applies the freshness boost to the best matches by words alone. Boosting inside the
 * query would make every match's score depend on its date, so Lucene could no longer skip
 * the stories that cannot reach the first page (block-max WAND); boosting the top few
 * hundred afterwards ranks them exactly as the boosted query would, the rest in words
 * order.
 */
final class RecencyRescorer extends Rescorer {

	private static final Comparator<ScoreDoc> BEST_FIRST = Comparator.comparingDouble((ScoreDoc hit) -> -hit.score)
		.thenComparingInt((hit) -> hit.doc);

	private final RecencyBoost boost;

	RecencyRescorer(long nowMillis) {
		this.boost = new RecencyBoost(StoryDocument.RELEASE, nowMillis);
	}

	@Override
	public TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int topN) throws IOException {
		ScoreDoc[] hits = firstPass.scoreDocs.clone();
		// Doc values are read forwards, segment by segment.
		Arrays.sort(hits, Comparator.comparingInt((ScoreDoc hit) -> hit.doc));
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		int leaf = -1;
		int end = 0;
		DoubleValues values = null;
		ScoreDoc[] rescored = new ScoreDoc[hits.length];
		for (int i = 0; i < hits.length; i++) {
			while (hits[i].doc >= end) {
				leaf++;
				end = leaves.get(leaf).docBase + leaves.get(leaf).reader().maxDoc();
				values = this.boost.getValues(leaves.get(leaf), null);
			}
			int doc = hits[i].doc - leaves.get(leaf).docBase;
			double factor = values.advanceExact(doc) ? values.doubleValue() : 1;
			// The same arithmetic as FunctionScoreQuery.boostByValue, so rankings agree.
			rescored[i] = new ScoreDoc(hits[i].doc, (float) (factor * hits[i].score));
		}
		Arrays.sort(rescored, BEST_FIRST);
		return new TopDocs(firstPass.totalHits, Arrays.copyOf(rescored, Math.min(topN, rescored.length)));
	}

	@Override
	public Explanation explain(IndexSearcher searcher, Explanation firstPass, int docId) throws IOException {
		LeafReaderContext leaf = searcher.getIndexReader()
			.leaves()
			.get(org.apache.lucene.index.ReaderUtil.subIndex(docId, searcher.getIndexReader().leaves()));
		DoubleValues values = this.boost.getValues(leaf, null);
		double factor = values.advanceExact(docId - leaf.docBase) ? values.doubleValue() : 1;
		return Explanation.match((float) (factor * firstPass.getValue().floatValue()), "freshness boost, product of:",
				firstPass, Explanation.match(factor, "freshness"));
	}

}
