package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Searching public stories. Only stories that are public now are ever found: the index
 * holds published stories with their release instants and every search filters on release
 * at or before the injected clock's now (the visibility rule); unpublished stories are
 * removed from the index as soon as their change event arrives. A search asked again
 * while nothing changed is answered from {@link SearcherCache}, which keeps that rule.
 */
@Service
public class Search {

	/** Deepest page served; nobody reads result 1,001, and deep pages cost memory. */
	public static final int MAX_PAGE = 100;

	static final String[] DIMENSIONS = { StoryDocument.TYPE, StoryDocument.TOPIC, StoryDocument.AUTHOR,
			StoryDocument.YEAR };

	private final SearchIndex index;

	private final QueryBuilder queries;

	private final Clock clock;

	/** Spelling candidates weighed per word, the closest first. */
	private static final int SUGGESTION_CANDIDATES = 5;

	private final DirectSpellChecker spelling = new DirectSpellChecker();

	private final SearcherCache cache;

	private final SegmentColumns.Cache columns;

	private final SearchTurns turns;

	@Autowired
	Search(SearchIndexer indexer, SearchProperties properties, SearchTurns turns, Clock clock) {
		this(indexer.index(), clock, properties.answersKept(), turns);
	}

	Search(SearchIndex index, Clock clock) {
		this(index, clock, SearcherCache.DEFAULT_ANSWERS_KEPT);
	}

	Search(SearchIndex index, Clock clock, int answersKept) {
		this(index, clock, answersKept, new SearchTurns(SearchProperties.defaults()));
	}

	Search(SearchIndex index, Clock clock, int answersKept, SearchTurns turns) {
		this.cache = new SearcherCache(answersKept);
		this.columns = new SegmentColumns.Cache();
		this.index = index;
		this.queries = new QueryBuilder(this.index.analyzer());
		this.clock = clock;
		this.turns = turns;
	}

	/**
	 * The answer to a search: the one already given if nothing changed since, else
	 * computed in its turn (see {@link SearchTurns}).
	 * @throws SearchBusyException when the node is too busy to start the search soon
	 */
	public SearchResults search(SearchQuery request) {
		SearchResults kept = this.index.search((searcher) -> this.cache.kept(searcher, this.clock.instant(), request),
				null);
		if (kept != null) {
			return kept;
		}
		return this.turns.run(() -> {
			// Now and the searcher are taken once the search's turn has come, so that it
			// sees what changed while it waited.
			Instant now = this.clock.instant();
			SearchResults empty = new SearchResults(List.of(), 0, request.page(), request.pageSize(), List.of(), null);
			return this.index.search(
					(searcher) -> this.cache.answer(searcher, now, request, () -> run(searcher, request, now)), empty);
		});
	}

	private SearchResults run(IndexSearcher searcher, SearchQuery request, Instant now) {
		UserQuery user = UserQuery.parse(request.text());
		Query words = this.queries.build(user);
		try {
			if (!hasFacets(searcher)) {
				// No story has ever been indexed: nothing to find, and no facets to
				// count.
				return new SearchResults(List.of(), 0, request.page(), request.pageSize(), List.of(), null);
			}
			Query matching = (words != null) ? words : new MatchAllDocsQuery();
			// The visibility rule: the index also holds scheduled stories, found
			// from their release instant on; both passes check each match's release
			// against now.
			long nowMillis = now.toEpochMilli();
			String year = (request.year() != null) ? request.year().toString() : null;
			String[] filters = { request.type(), request.topic(), request.author(), year };
			for (int d = 0; d < filters.length; d++) {
				filters[d] = (filters[d] != null && !filters[d].isBlank()) ? filters[d] : null;
			}
			int top = request.page() * request.pageSize();
			boolean byRelevance = words != null && !request.newestFirst();
			Query proximity = byRelevance ? this.queries.proximity(user) : null;
			// Pass 1, every match: the total and the exact facet counts. A phrase has
			// its words' positions checked in each story holding them, so a query with
			// one is ranked in this pass too instead of checked again in a second.
			FacetCounter counter = new FacetCounter(this.columns, nowMillis, filters);
			RankedHits relevant = null;
			boolean rankWhileCounting = byRelevance && this.queries.checksPositions(user);
			// Each single word looked up in the field of all words: no scores needed.
			Query counting = rankWhileCounting ? null : (words != null) ? this.queries.matching(user) : matching;
			if (rankWhileCounting) {
				relevant = new RankedHits(this.columns, nowMillis,
						(proximity != null) ? Math.max(top, ProximityBoost.WINDOW) : top);
				searcher.search(words, counter.ranking(relevant).manager());
			}
			else {
				searcher.search(counting, counter.manager());
			}
			// Pass 2, the page: the filters as clauses, so that only stories passing all
			// are scored.
			ScoreDoc[] ranked;
			if (!byRelevance) {
				// Newest first needs no scores: the words are asked as when counted.
				BooleanQuery.Builder newest = filtered(counting, filters);
				newest.add(LongPoint.newRangeQuery(StoryDocument.RELEASE, Long.MIN_VALUE, nowMillis), Occur.FILTER);
				ranked = searcher.search(newest.build(), top, SearchIndex.NEWEST_FIRST, false).scoreDocs;
			}
			else {
				if (relevant == null) {
					relevant = new RankedHits(this.columns, nowMillis,
							(proximity != null) ? Math.max(top, ProximityBoost.WINDOW) : top);
					searcher.search(filtered(matching, filters).build(), relevant.manager());
				}
				ranked = relevant.hits();
				if (proximity != null) {
					ranked = ProximityBoost.rescore(searcher, ranked, proximity, this.columns, nowMillis);
					ranked = Arrays.copyOf(ranked, Math.min(top, ranked.length));
				}
			}
			List<SearchResults.Hit> hits = hits(searcher, ranked, request, user, words);
			return new SearchResults(hits, counter.total(), request.page(), request.pageSize(), counter.facets(),
					(counter.total() < 3) ? suggestion(searcher, user, nowMillis) : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The query with the filters as clauses. */
	private static BooleanQuery.Builder filtered(Query query, String[] filters) {
		BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
		for (int d = 0; d < filters.length; d++) {
			if (filters[d] != null) {
				filtered.add(new TermQuery(new Term(DIMENSIONS[d], filters[d])), Occur.FILTER);
			}
		}
		return filtered;
	}

	private static boolean hasFacets(IndexSearcher searcher) {
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
				return true;
			}
		}
		return false;
	}

	private List<SearchResults.Hit> hits(IndexSearcher searcher, ScoreDoc[] top, SearchQuery request, UserQuery user,
			Query words) throws IOException {
		int from = (request.page() - 1) * request.pageSize();
		if (from >= top.length) {
			return List.of();
		}
		ScoreDoc[] page = Arrays.copyOfRange(top, from, top.length);
		// What each hit shows; the snippets read a body only where the summary holds
		// none of the words.
		Map<Integer, Document> documents = StoryDocument.shown(searcher.getIndexReader(),
				Arrays.stream(page).mapToInt((hit) -> hit.doc).toArray());
		String[] snippets = (words != null)
				? new Snippets(searcher, this.index.analyzer(), this.queries, documents).of(page, user, words)
				: new String[page.length];
		List<SearchResults.Hit> hits = new ArrayList<>();
		for (int i = 0; i < page.length; i++) {
			Document doc = documents.get(page[i].doc);
			hits.add(new SearchResults.Hit(doc.get(StoryDocument.SLUG), doc.get(StoryDocument.TITLE),
					doc.get(StoryDocument.TYPE),
					Instant.ofEpochMilli(doc.getField(StoryDocument.RELEASE).numericValue().longValue()),
					List.of(doc.getValues(StoryDocument.BYLINE)),
					(snippets[i] != null) ? snippets[i] : HtmlUtils.htmlEscape(doc.get(StoryDocument.SUMMARY))));
		}
		return hits;
	}

	/**
	 * The query with each word that no public story holds replaced by the closest word
	 * that one does. The index's dictionary also holds the words of scheduled stories
	 * (and, until segments merge, of removed ones), so each candidate is checked against
	 * public stories: a suggestion must never reveal a word from an embargoed story.
	 */
	private String suggestion(IndexSearcher searcher, UserQuery user, long nowMillis) throws IOException {
		Query released = LongPoint.newRangeQuery(StoryDocument.RELEASE, Long.MIN_VALUE, nowMillis);
		List<String> words = user.positiveWords();
		if (words.isEmpty() || words.size() > 8) {
			return null;
		}
		List<String> corrected = new ArrayList<>();
		boolean changed = false;
		for (String word : words) {
			String normalized = word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
			String replacement = null;
			if (normalized.length() >= 3 && !isPublicWord(searcher, normalized, released)) {
				for (SuggestWord suggestion : this.spelling.suggestSimilar(new Term(StoryDocument.SPELL, normalized),
						SUGGESTION_CANDIDATES, searcher.getIndexReader(), SuggestMode.SUGGEST_ALWAYS)) {
					if (isPublicWord(searcher, suggestion.string, released)) {
						replacement = suggestion.string;
						break;
					}
				}
			}
			corrected.add((replacement != null) ? replacement : word);
			changed |= replacement != null;
		}
		return changed ? String.join(" ", corrected) : null;
	}

	/** Whether a public story holds the word. */
	private static boolean isPublicWord(IndexSearcher searcher, String word, Query released) throws IOException {
		Query query = new BooleanQuery.Builder().add(new TermQuery(new Term(StoryDocument.SPELL, word)), Occur.MUST)
			.add(released, Occur.FILTER)
			.build();
		return searcher.count(query) > 0;
	}

	/** Bytes the index takes on this node's disk, for operators. */
	public long indexSizeInBytes() {
		return this.index.sizeInBytes();
	}

}
