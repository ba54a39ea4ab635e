package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.gazette.publishing.IndexableStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking that lets Lucene skip matches gives exactly the hits, in the same order,
 * that scoring every match and applying the freshness boost to each gives.
 */
class RankedHitsTests {

	private static final String[] WORDS = { "port", "tariff", "steel", "trade", "customs", "river", "drone", "border",
			"grain", "freight", "carrier", "badge", "pilot", "water", "bridge", "rail" };

	@TempDir
	Path folder;

	SearchIndex index;

	@AfterEach
	void close() {
		this.index.close();
	}

	@Test
	void skippingRanksExactlyAsScoringEveryMatch() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		List<IndexableStory> stories = new RandomStories(7, WORDS).stories(3_000, now, 6, 15, 200);
		this.index = new SearchIndex(this.folder, ZoneId.of("UTC"));
		this.index.rebuild((after) -> (after == 0) ? stories : List.of(), 1);
		QueryBuilder queries = new QueryBuilder(this.index.analyzer());
		SegmentColumns.Cache columns = new SegmentColumns.Cache();
		for (String text : new String[] { "port", "steel trade", "\"river freight\"", "drone OR badge", "water -bridge",
				"rail customs border" }) {
			Query query = queries.build(UserQuery.parse(text));
			for (int size : new int[] { 1, 10, 50 }) {
				this.index.search((searcher) -> {
					RankedHits ranked = new RankedHits(columns, now.toEpochMilli(), size);
					search(searcher, query, ranked.manager());
					assertThat(docs(ranked.hits())).as(text + ", top " + size)
						.isNotEmpty()
						.isEqualTo(docs(everyMatch(searcher, query, now.toEpochMilli(), size)));
					return null;
				}, null);
			}
		}
	}

	@Test
	void theCountingQueryFindsTheSameStoriesAsTheScoredOne() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		List<IndexableStory> stories = new RandomStories(11, WORDS).stories(1_000, now, 6, 15, 100);
		this.index = new SearchIndex(this.folder, ZoneId.of("UTC"));
		this.index.rebuild((after) -> (after == 0) ? stories : List.of(), 1);
		QueryBuilder queries = new QueryBuilder(this.index.analyzer());
		for (String text : new String[] { "port", "steel trade", "\"river freight\"", "drone OR badge", "water -bridge",
				"rail customs border", "jane", "doe -port", "pilot-grain", "-\"tariff steel\" carrier" }) {
			UserQuery user = UserQuery.parse(text);
			this.index.search((searcher) -> {
				List<Integer> scored = matches(searcher, queries.build(user));
				assertThat(scored).as(text).isNotEmpty();
				assertThat(matches(searcher, queries.matching(user))).as(text).isEqualTo(scored);
				return null;
			}, null);
		}
	}

	@Test
	void rankingWhileCountingGivesTheHitsAndCountsOfTwoPasses() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		long nowMillis = now.toEpochMilli();
		List<IndexableStory> stories = new RandomStories(13, WORDS).stories(3_000, now, 6, 15, 200);
		this.index = new SearchIndex(this.folder, ZoneId.of("UTC"));
		this.index.rebuild((after) -> (after == 0) ? stories : List.of(), 1);
		QueryBuilder queries = new QueryBuilder(this.index.analyzer());
		SegmentColumns.Cache columns = new SegmentColumns.Cache();
		// Phrases of three words: one of two is counted by its pair of words instead.
		for (String text : new String[] { "\"river freight port\"", "\"steel trade pilot\" port",
				"-\"tariff steel rail\" carrier", "\"drone badge water\" OR water", "\"rail customs border\"" }) {
			UserQuery user = UserQuery.parse(text);
			assertThat(queries.checksPositions(user)).as(text).isTrue();
			assertThat(queries.checksPositions(UserQuery.parse("\"river freight\" port"))).isFalse();
			for (String year : new String[] { null, "2025" }) {
				String[] filters = { null, null, null, year };
				this.index.search((searcher) -> {
					FacetCounter once = new FacetCounter(columns, nowMillis, filters);
					RankedHits ranked = new RankedHits(columns, nowMillis, 50);
					search(searcher, queries.build(user), once.ranking(ranked).manager());
					FacetCounter counted = new FacetCounter(columns, nowMillis, filters);
					search(searcher, queries.matching(user), counted.manager());
					BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(queries.build(user), Occur.MUST);
					if (year != null) {
						filtered.add(new TermQuery(new Term(StoryDocument.YEAR, year)), Occur.FILTER);
					}
					RankedHits second = new RankedHits(columns, nowMillis, 50);
					search(searcher, filtered.build(), second.manager());
					String what = text + ", year " + year;
					assertThat(once.total()).as(what).isPositive().isEqualTo(counted.total());
					assertThat(once.facets()).as(what).isEqualTo(counted.facets());
					assertThat(scored(ranked.hits())).as(what).isNotEmpty().isEqualTo(scored(second.hits()));
					return null;
				}, null);
			}
		}
	}

	private static List<String> scored(ScoreDoc[] hits) {
		return java.util.Arrays.stream(hits).map((hit) -> hit.doc + ":" + hit.score).toList();
	}

	private static List<Integer> matches(IndexSearcher searcher, Query query) {
		try {
			return docs(searcher.search(query, Integer.MAX_VALUE, Sort.INDEXORDER).scoreDocs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Integer> docs(ScoreDoc[] hits) {
		return java.util.Arrays.stream(hits).map((hit) -> hit.doc).toList();
	}

	/**
	 * Every match scored, boosted and sorted: best first, ties to the earlier document.
	 */
	static ScoreDoc[] everyMatch(IndexSearcher searcher, Query query, long nowMillis, int size) {
		List<ScoreDoc> all = new ArrayList<>();
		RecencyBoost boost = new RecencyBoost(nowMillis);
		SegmentColumns.Cache columns = new SegmentColumns.Cache();
		Collector collector = new Collector() {
			@Override
			public LeafCollector getLeafCollector(LeafReaderContext context) {
				SegmentColumns segment = columns.of(context.reader());
				return new LeafCollector() {
					private Scorable scorer;

					@Override
					public void setScorer(Scorable scorer) {
						this.scorer = scorer;
					}

					@Override
					public void collect(int doc) throws IOException {
						all.add(new ScoreDoc(context.docBase + doc,
								(float) (this.scorer.score() * boost.factor(segment.release(doc)))));
					}
				};
			}

			@Override
			public ScoreMode scoreMode() {
				return ScoreMode.COMPLETE;
			}
		};
		search(searcher, query, new CollectorManager<Collector, Void>() {
			@Override
			public Collector newCollector() {
				return collector;
			}

			@Override
			public Void reduce(java.util.Collection<Collector> collectors) {
				return null;
			}
		});
		return all.stream()
			.sorted(Comparator.comparing((ScoreDoc hit) -> -hit.score).thenComparingInt((hit) -> hit.doc))
			.limit(size)
			.toArray(ScoreDoc[]::new);
	}

	private static <C extends Collector> void search(IndexSearcher searcher, Query query,
			CollectorManager<C, ?> manager) {
		try {
			searcher.search(query, manager);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
