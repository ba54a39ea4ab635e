package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.gazette.publishing.IndexableStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Within its window, the proximity boost gives each hit the score that the words and the
 * proximity clauses give as one query, with the freshness boost, and ranks the hits as
 * that query would.
 */
class ProximityBoostTests {

	private static final String[] WORDS = { "port", "steel", "trade", "river", "freight", "rail", "customs", "border" };

	@TempDir
	Path folder;

	SearchIndex index;

	@AfterEach
	void close() {
		this.index.close();
	}

	@Test
	void rescoringTheWindowRanksAsScoringEveryMatchWithTheProximityClauses() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		List<IndexableStory> stories = new RandomStories(11, WORDS).stories(2_000, now, 5, 12, 120);
		this.index = new SearchIndex(this.folder, ZoneId.of("UTC"));
		this.index.rebuild((after) -> (after == 0) ? stories : List.of(), 1);
		QueryBuilder queries = new QueryBuilder(this.index.analyzer());
		SegmentColumns.Cache columns = new SegmentColumns.Cache();
		long nowMillis = now.toEpochMilli();
		for (String text : new String[] { "steel trade", "\"river freight\"", "rail customs border",
				"port OR river freight", "customs border -steel" }) {
			UserQuery user = UserQuery.parse(text);
			Query words = queries.build(user);
			Query proximity = queries.proximity(user);
			assertThat(proximity).as(text).isNotNull();
			Query together = new BooleanQuery.Builder().add(words, Occur.MUST).add(proximity, Occur.SHOULD).build();
			this.index.search((searcher) -> {
				// A window holding every match: nothing is left out of the rescoring.
				RankedHits byWords = new RankedHits(columns, nowMillis, stories.size());
				search(searcher, words, byWords);
				ScoreDoc[] rescored = rescore(searcher, byWords.hits(), proximity, columns, nowMillis);
				ScoreDoc[] expected = RankedHitsTests.everyMatch(searcher, together, nowMillis, 50);
				assertThat(expected).as(text).isNotEmpty();
				for (int i = 0; i < expected.length; i++) {
					// The same score, but for the rounding of adding two floats.
					assertThat(rescored[i].score).as(text + ", hit " + i)
						.isCloseTo(expected[i].score, within(expected[i].score * 1e-5f));
				}
				assertThat(docs(rescored, 10)).as(text).isEqualTo(docs(expected, 10));
				return null;
			}, null);
		}
	}

	@Test
	void oneWordHasNoProximity() {
		this.index = new SearchIndex(this.folder, ZoneId.of("UTC"));
		QueryBuilder queries = new QueryBuilder(this.index.analyzer());
		assertThat(queries.proximity(UserQuery.parse("steel"))).isNull();
		assertThat(queries.proximity(UserQuery.parse("steel -trade"))).isNull();
		assertThat(queries.proximity(UserQuery.parse("the steel"))).as("a stop word is no word").isNull();
	}

	private static List<Integer> docs(ScoreDoc[] hits, int size) {
		return java.util.Arrays.stream(hits).limit(size).map((hit) -> hit.doc).toList();
	}

	private static void search(IndexSearcher searcher, Query query, RankedHits hits) {
		try {
			searcher.search(query, hits.manager());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] hits, Query proximity,
			SegmentColumns.Cache columns, long nowMillis) {
		try {
			return ProximityBoost.rescore(searcher, hits, proximity, columns, nowMillis);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
