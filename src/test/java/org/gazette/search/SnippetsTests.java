package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.gazette.content.ArticleType;
import org.gazette.publishing.Byline;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.TopicLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippets cut with the words found by {@link SnippetOffsets} are the ones Lucene's
 * weight matcher gives, character for character: same passages, same marks.
 */
class SnippetsTests {

	private static final String[] WORDS = { "port", "tariff", "steel", "trade", "customs", "river", "drone", "border",
			"grain", "freight", "water", "drinking", "bridge", "rail", "of", "the", "for", "e-manifest", "ports",
			"Savannah", "café", "water's", "O'Neil", "AT&T", "<b>", "2026" };

	@TempDir
	Path folder;

	SearchIndex index;

	@AfterEach
	void close() {
		this.index.close();
	}

	@Test
	void ownOffsetsGiveTheWeightMatchersSnippets() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		List<IndexableStory> stories = stories(new Random(5), 400, now);
		this.index = new SearchIndex(this.folder, ZoneId.of("UTC"));
		this.index.rebuild((after) -> (after == 0) ? stories : List.of(), 1);
		QueryBuilder queries = new QueryBuilder(this.index.analyzer());
		String[] texts = { "port", "steel trade", "\"drinking water\"", "\"port of savannah\"", "drone OR badge",
				"water -bridge", "e-manifest", "\"water water\"", "water water", "\"drinking water\" water",
				"\"the port of\"", "cafe", "ports OR port", "o'neil", "AT&T", "-steel", "\"rail freight grain\"",
				"river \"border customs\" OR tariff", "2026 water", "nothingatall", "grain -\"steel port\"" };
		int compared = 0;
		for (String text : texts) {
			UserQuery user = UserQuery.parse(text);
			Query words = queries.build(user);
			compared += this.index.search((searcher) -> {
				try {
					ScoreDoc[] page = searcher.search(words, 40).scoreDocs;
					Map<Integer, Document> documents = new HashMap<>();
					for (ScoreDoc hit : page) {
						documents.put(hit.doc, searcher.storedFields().document(hit.doc));
					}
					String[] own = new Snippets(searcher, this.index.analyzer(), queries, documents, true).of(page,
							user, words);
					String[] lucene = new Snippets(searcher, this.index.analyzer(), queries, documents, false).of(page,
							user, words);
					assertThat(own).as(text).containsExactly(lucene);
					return page.length;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, 0);
		}
		assertThat(compared).isGreaterThan(400);
	}

	/**
	 * Sentences of words from the vocabulary, with stop words, repeats and punctuation.
	 */
	private static List<IndexableStory> stories(Random random, int count, Instant now) {
		List<IndexableStory> stories = new ArrayList<>();
		for (int id = 1; id <= count; id++) {
			Instant release = now.minus(Duration.ofHours(1 + random.nextInt(24 * 900)));
			stories.add(new IndexableStory(id, "story-" + id, ArticleType.NEWS_RELEASE, sentences(random, 1, 8),
					sentences(random, 1 + random.nextInt(3), 14),
					"<p>" + sentences(random, 3 + random.nextInt(30), 18).replace("&", "&amp;")
						.replace("<", "&lt;")
						.replace(">", "&gt;") + "</p>",
					release, release, List.of(new Byline("Jane Doe", "jane-doe")),
					List.of(new TopicLink("Trade", "trade"))));
		}
		return stories;
	}

	private static String sentences(Random random, int count, int maxWords) {
		StringBuilder text = new StringBuilder();
		for (int s = 0; s < count; s++) {
			int words = 2 + random.nextInt(maxWords);
			for (int w = 0; w < words; w++) {
				String word = WORDS[random.nextInt(WORDS.length)];
				text.append((w == 0) ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
					.append((w == words - 1) ? ". " : (random.nextInt(9) == 0) ? ", " : " ");
			}
		}
		return text.toString().strip();
	}

}
