package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Searching public stories. Only stories that are public now are ever found: the index
 * holds published stories with their release instants and every search filters on release
 * at or before the injected clock's now (the visibility rule); unpublished stories are
 * removed from the index as soon as their change event arrives.
 * <p>
 * Ranking is BM25 over the words, with the phrase and proximity boosts, so Lucene can
 * skip the stories that cannot reach the page; the freshness boost then reorders the best
 * few hundred ({@link RecencyRescorer}). Totals and facet counts are exact up to a limit
 * and estimated above it ({@link SearchCounts}); answers are reused until the index
 * changes or a story is released ({@link SearchAnswers}).
 */
@Service
public class Search {

	/** Deepest page served; nobody reads result 1,001, and deep pages cost memory. */
	public static final int MAX_PAGE = 100;

	/** Fewer results than this and the words are checked for misspellings. */
	static final int FEW_RESULTS = 3;

	private static final Sort NEWEST_FIRST = new Sort(new SortField(StoryDocument.RELEASE, SortField.Type.LONG, true));

	private static final Sort SOONEST_FIRST = new Sort(new SortField(StoryDocument.RELEASE, SortField.Type.LONG));

	private final SearchIndex index;

	private final QueryBuilder queries;

	private final Clock clock;

	private final SearchProperties properties;

	private final SearchCounts counts;

	private final SearchAnswers answers;

	private final DirectSpellChecker spelling = new DirectSpellChecker();

	@Autowired
	Search(SearchIndexer indexer, Clock clock, SearchProperties properties) {
		this(indexer.index(), clock, properties);
	}

	Search(SearchIndex index, Clock clock, SearchProperties properties) {
		this.index = index;
		this.queries = new QueryBuilder(this.index.analyzer());
		this.clock = clock;
		this.properties = properties;
		this.counts = new SearchCounts(properties.exactCountLimit(), properties.sampleSize());
		this.answers = new SearchAnswers(properties.cacheEntries(), properties.cacheTimeToLive());
	}

	public SearchResults search(SearchQuery request) {
		UserQuery user = UserQuery.parse(request.text()).lowerCased();
		SearchKey key = SearchKey.of(user, request);
		return this.index.search((searcher) -> {
			Instant now = this.clock.instant();
			return this.answers.answer(searcher, now, key, () -> nextRelease(searcher, now),
					() -> run(searcher, request, user, now));
		}, SearchResults.none(request));
	}

	private SearchResults run(StorySearcher searcher, SearchQuery request, UserQuery user, Instant now) {
		try {
			if (searcher.facets() == null) {
				// No story has ever been indexed: nothing to find, and no facets to
				// count.
				return SearchResults.none(request);
			}
			Query words = this.queries.build(user);
			Query visible = visible(now);
			Query base = (words != null)
					? new BooleanQuery.Builder().add(words, Occur.MUST).add(visible, Occur.FILTER).build()
					: new ConstantScoreQuery(visible);
			int wanted = request.page() * request.pageSize();
			TopDocs top;
			// No total-hits threshold beyond the hits wanted: Lucene may skip from the
			// start, and SearchCounts counts (up to its limit) without scoring.
			if (request.newestFirst() || !QueryBuilder.ranksByWords(words)) {
				top = searcher.search(filtered(base, request),
						new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, wanted));
			}
			else {
				int window = Math.max(this.properties.rescoreWindow(), wanted);
				TopDocs best = searcher.search(filtered(base, request),
						new TopScoreDocCollectorManager(window, null, window));
				top = new RecencyRescorer(now.toEpochMilli()).rescore(searcher, best, wanted);
			}
			SearchCounts.Counts counted = this.counts.count(searcher, base, (query) -> filtered(query, request));
			List<SearchResults.Hit> hits = hits(searcher, top, request, words);
			String suggestion = (counted.totalExact() && counted.total() < FEW_RESULTS) ? suggestion(searcher, user)
					: null;
			return new SearchResults(hits, counted.total(), counted.totalExact(), request.page(), request.pageSize(),
					counted.facets(), counted.facetsExact(), suggestion);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Released at or before now. Doc values check the few candidates of a narrow search;
	 * points serve a broad one.
	 */
	private static Query visible(Instant now) {
		long millis = now.toEpochMilli();
		return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(StoryDocument.RELEASE, Long.MIN_VALUE, millis),
				NumericDocValuesField.newSlowRangeQuery(StoryDocument.RELEASE, Long.MIN_VALUE, millis));
	}

	/** The first release instant after now in this view of the index, or null. */
	private static Instant nextRelease(StorySearcher searcher, Instant now) {
		try {
			TopDocs next = searcher.search(
					LongPoint.newRangeQuery(StoryDocument.RELEASE, now.toEpochMilli() + 1, Long.MAX_VALUE), 1,
					SOONEST_FIRST);
			return (next.scoreDocs.length == 0) ? null
					: Instant.ofEpochMilli((Long) ((FieldDoc) next.scoreDocs[0]).fields[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static DrillDownQuery filtered(Query base, SearchQuery request) {
		DrillDownQuery query = new DrillDownQuery(StoryDocument.FACETS, base);
		addFilter(query, StoryDocument.TYPE, request.type());
		addFilter(query, StoryDocument.TOPIC, request.topic());
		addFilter(query, StoryDocument.AUTHOR, request.author());
		addFilter(query, StoryDocument.YEAR, (request.year() != null) ? request.year().toString() : null);
		return query;
	}

	private static void addFilter(DrillDownQuery query, String dimension, String value) {
		if (value != null && !value.isBlank()) {
			query.add(dimension, value);
		}
	}

	private List<SearchResults.Hit> hits(StorySearcher searcher, TopDocs top, SearchQuery request, Query words)
			throws IOException {
		int from = (request.page() - 1) * request.pageSize();
		if (from >= top.scoreDocs.length) {
			return List.of();
		}
		ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
		Map<String, String[]> snippets = Map.of();
		if (words != null) {
			UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, this.index.analyzer())
				.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
				.withMaxLength(200_000)
				.build();
			int[] docIds = Arrays.stream(page).mapToInt((doc) -> doc.doc).toArray();
			snippets = highlighter.highlightFields(new String[] { StoryDocument.SUMMARY, StoryDocument.BODY }, words,
					docIds, new int[] { 1, 2 });
		}
		List<SearchResults.Hit> hits = new ArrayList<>();
		var stored = searcher.storedFields();
		for (int i = 0; i < page.length; i++) {
			Document doc = stored.document(page[i].doc);
			hits.add(new SearchResults.Hit(doc.get(StoryDocument.SLUG), doc.get(StoryDocument.TITLE),
					doc.get(StoryDocument.TYPE),
					Instant.ofEpochMilli(doc.getField(StoryDocument.RELEASE).numericValue().longValue()),
					List.of(doc.getValues(StoryDocument.BYLINE)), snippet(snippets, i, doc)));
		}
		return hits;
	}

	/**
	 * The body passage with the matched words, else the summary's, else the plain
	 * summary.
	 */
	private static String snippet(Map<String, String[]> snippets, int i, Document doc) {
		String body = value(snippets.get(StoryDocument.BODY), i);
		String summary = value(snippets.get(StoryDocument.SUMMARY), i);
		if (body != null && body.contains("<mark>") && (summary == null || !summary.contains("<mark>"))) {
			return body;
		}
		return (summary != null) ? summary : HtmlUtils.htmlEscape(doc.get(StoryDocument.SUMMARY));
	}

	private static String value(String[] values, int i) {
		return (values != null && i < values.length) ? values[i] : null;
	}

	/**
	 * The query with each word the index does not know replaced by its closest known
	 * word.
	 */
	private String suggestion(StorySearcher searcher, UserQuery user) throws IOException {
		List<String> words = user.positiveWords();
		if (words.isEmpty() || words.size() > 8) {
			return null;
		}
		List<String> corrected = new ArrayList<>();
		boolean changed = false;
		for (String word : words) {
			String normalized = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
			if (normalized.length() < 3) {
				corrected.add(word);
				continue;
			}
			SuggestWord[] suggestions = this.spelling.suggestSimilar(new Term(StoryDocument.SPELL, normalized), 1,
					searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
			if (suggestions.length > 0) {
				corrected.add(suggestions[0].string);
				changed = true;
			}
			else {
				corrected.add(word);
			}
		}
		return changed ? String.join(" ", corrected) : null;
	}

	/** Bytes the index takes on this node's disk, for operators. */
	public long indexSizeInBytes() {
		return this.index.sizeInBytes();
	}

}
