package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * The snippets of a page of hits: Lucene's unified highlighter (sentences as passages,
 * scored and marked as it does) over the stored text read already for the page, finding
 * the words with {@link SnippetOffsets} rather than its per-story weight matcher.
 */
final class Snippets {

	/** Characters of a field the highlighter looks at. */
	private static final int MAX_HIGHLIGHTED = 200_000;

	private final UnifiedHighlighter highlighter;

	private final QueryBuilder queries;

	/**
	 * @param documents the page's stories by document id, with the summary; a field not
	 * there (the body) is read from the stored fields of the stories it is highlighted in
	 */
	Snippets(IndexSearcher searcher, Analyzer analyzer, QueryBuilder queries, Map<Integer, Document> documents) {
		this(searcher, analyzer, queries, documents, true);
	}

	/**
	 * @param ownOffsets whether the words are found by {@link SnippetOffsets} and
	 * passages scored by {@link PassageScores}, else by Lucene's weight matcher and
	 * passage scorer (for tests that compare the two)
	 */
	Snippets(IndexSearcher searcher, Analyzer analyzer, QueryBuilder queries, Map<Integer, Document> documents,
			boolean ownOffsets) {
		this.queries = queries;
		this.highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withScorer(ownOffsets ? new PassageScores() : new PassageScorer())
			.withMaxLength(MAX_HIGHLIGHTED)) {

			/** The text read already for the page, as the highlighter would read it. */
			@Override
			protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
					throws IOException {
				List<CharSequence[]> values = new ArrayList<>();
				for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
					CharSequence[] texts = new CharSequence[fields.length];
					Document document = documents.get(doc);
					for (int f = 0; f < fields.length; f++) {
						String text = document.get(fields[f]);
						if (text == null) {
							// Not read for the page (the body): read now, for this story
							// only.
							text = this.searcher.storedFields().document(doc, Set.of(fields[f])).get(fields[f]);
						}
						text = (text != null) ? text : "";
						texts[f] = (text.length() > MAX_HIGHLIGHTED) ? text.substring(0, MAX_HIGHLIGHTED) : text;
					}
					values.add(texts);
				}
				return values;
			}

			/** Our own offsets where the query allows, else Lucene's. */
			@Override
			protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
				if (ownOffsets && source == OffsetSource.POSTINGS) {
					try {
						SnippetOffsets offsets = SnippetOffsets.of(this.searcher, components);
						if (offsets != null) {
							return offsets;
						}
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
				return super.getOffsetStrategy(source, components);
			}

		};
	}

	/**
	 * Each hit's snippet: the summary's passage with the matched words, else the body's,
	 * else the summary's without any; null where the summary has no passage at all. The
	 * body, the longest field, is only matched for the hits whose summary holds none of
	 * the words.
	 */
	String[] of(ScoreDoc[] page, UserQuery user, Query words) throws IOException {
		int[] docIds = Arrays.stream(page).mapToInt((doc) -> doc.doc).toArray();
		String[] summaries = highlight(StoryDocument.SUMMARY, highlighted(user, StoryDocument.SUMMARY, words), docIds,
				1);
		int[] unmarked = IntStream.range(0, page.length).filter((i) -> !marked(summaries[i])).toArray();
		String[] bodies = (unmarked.length > 0)
				? highlight(StoryDocument.BODY, highlighted(user, StoryDocument.BODY, words),
						Arrays.stream(unmarked).map((i) -> docIds[i]).toArray(), 2)
				: new String[0];
		String[] snippets = summaries.clone();
		for (int j = 0; j < unmarked.length; j++) {
			if (marked(bodies[j])) {
				snippets[unmarked[j]] = bodies[j];
			}
		}
		return snippets;
	}

	private Query highlighted(UserQuery user, String field, Query words) {
		Query inField = this.queries.highlighted(user, field);
		return (inField != null) ? inField : words;
	}

	private String[] highlight(String field, Query words, int[] docIds, int passages) throws IOException {
		return this.highlighter.highlightFields(new String[] { field }, words, docIds, new int[] { passages })
			.get(field);
	}

	private static boolean marked(String snippet) {
		return snippet != null && snippet.contains("<mark>");
	}

	/**
	 * Lucene's passage scores (BM25 over the passage's words, by where it starts),
	 * computed the same way in the same order, without the hash of 32 KB Lucene allocates
	 * for every passage scored to tell the passage's words apart: a passage holds a few
	 * matches, compared here one with another.
	 */
	static final class PassageScores extends PassageScorer {

		@Override
		public float score(Passage passage, int contentLength) {
			int matches = passage.getNumMatches();
			if (matches > 64) {
				return super.score(passage, contentLength);
			}
			BytesRef[] terms = passage.getMatchTerms();
			int[] inDocument = passage.getMatchTermFreqsInDoc();
			// Each distinct word by its first match, in the order of first matches (the
			// order of Lucene's hash, which the sum follows).
			int[] first = new int[matches];
			int[] inPassage = new int[matches];
			int distinct = 0;
			for (int i = 0; i < matches; i++) {
				int j = 0;
				while (j < distinct && !terms[first[j]].bytesEquals(terms[i])) {
					j++;
				}
				if (j == distinct) {
					first[distinct++] = i;
				}
				inPassage[j]++;
			}
			double score = 0d;
			for (int j = 0; j < distinct; j++) {
				score += tf(inPassage[j], passage.getLength()) * weight(contentLength, inDocument[first[j]]);
			}
			score *= norm(passage.getStartOffset());
			return (float) score;
		}

	}

}
