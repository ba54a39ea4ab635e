package org.gazette.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.gazette.content.ArticleType;
import org.gazette.publishing.Byline;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.TopicLink;
import org.gazette.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index and the search over it, without a database: stories go in, searches come out.
 */
class SearchIndexTests {

	@TempDir
	Path folder;

	final MutableClock clock = new MutableClock();

	SearchIndex index;

	Search search;

	void index(IndexableStory... stories) {
		this.index = new SearchIndex(this.folder, ZoneId.of("America/New_York"));
		this.index.rebuild((after) -> (after == 0) ? List.of(stories) : List.of(), 1);
		this.search = new Search(this.index, this.clock);
	}

	@AfterEach
	void close() {
		if (this.index != null) {
			this.index.close();
		}
	}

	static IndexableStory story(long id, String title, String summary, String body, Instant release) {
		return new IndexableStory(id, "story-" + id, ArticleType.NEWS_RELEASE, title, summary, "<p>" + body + "</p>",
				release, release, List.of(new Byline("Jane Doe", "jane-doe")),
				List.of(new TopicLink("Trade", "trade")));
	}

	List<String> titles(String q) {
		return this.search.search(new SearchQuery(q, null, null, null, null, false, 1, 10))
			.hits()
			.stream()
			.map(SearchResults.Hit::title)
			.toList();
	}

	@Test
	void anEmptyIndexFindsNothingWithoutFailing() {
		index();
		assertThat(titles("anything")).isEmpty();
		assertThat(titles("")).isEmpty();
	}

	@Test
	void findsStemmedAndFoldedWords() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "New Tariffs on Steel", "Duties rise.", "Customs will collect the new tariffs.", day),
				story(2, "Café Opens at Port", "A place to eat.", "Drivers can eat at the café.", day));
		assertThat(titles("tariff")).containsExactly("New Tariffs on Steel");
		assertThat(titles("CUSTOMS")).containsExactly("New Tariffs on Steel");
		assertThat(titles("cafe")).containsExactly("Café Opens at Port");
		assertThat(Set.copyOf(titles("port OR steel"))).hasSize(2);
	}

	@Test
	void understandsPhrasesExclusionsAndOr() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Trusted Trader Program Grows", "More carriers join.", "The trusted trader program added firms.",
				day),
				story(2, "Trader Training Day", "Trusted partners learn.", "Each trader was trusted with a badge.",
						day),
				story(3, "Drone Pilot at the Border", "Drones watch the river.", "A drone pilot program starts.", day));
		assertThat(titles("\"trusted trader\"")).containsExactly("Trusted Trader Program Grows");
		assertThat(titles("trader -training")).containsExactly("Trusted Trader Program Grows");
		assertThat(titles("-\"trusted trader\" trader")).containsExactly("Trader Training Day");
		assertThat(titles("drone OR training")).containsExactlyInAnyOrder("Drone Pilot at the Border",
				"Trader Training Day");
		assertThat(titles("trusted trader").get(0)).as("the exact phrase ranks first")
			.isEqualTo("Trusted Trader Program Grows");
	}

	@Test
	void aPhraseIsFoundWithinOneFieldWithTheStopWordsTypedAndNoOtherWordsBetween() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Rules for the Port", "Code of practice issued.", "The port code is new.", day),
				story(2, "Code Written", "Practice drills begin.", "A code good practice guide.", day),
				story(3, "Ports Reopen", "Ashford port opens.", "Trucks at the rest of the world's ports.", day),
				story(4, "Yards Open", "Rail yards.", "Port and then if it rail yards grow.", day));
		assertThat(titles("\"code of practice\"")).containsExactly("Rules for the Port");
		assertThat(titles("\"code for practice\"")).as("any stop word where one was typed")
			.containsExactly("Rules for the Port");
		assertThat(titles("\"written practice\"")).as("not from the title on into the summary").isEmpty();
		assertThat(titles("\"rest of the world\"")).containsExactly("Ports Reopen");
		assertThat(titles("\"port code\"")).containsExactly("Rules for the Port");
		assertThat(titles("\"port code\" -\"code good\"")).containsExactly("Rules for the Port");
		assertThat(titles("reopen -\"ashford port\"")).isEmpty();
		// Stop words only between two words too far apart for a pair: their positions
		// are still checked.
		assertThat(titles("\"port and then if it rail\"")).containsExactly("Yards Open");
		assertThat(titles("\"port and then if it yards\"")).isEmpty();
		assertThat(titles("\"the of and\"")).as("stop words alone: every story, none refused").hasSize(4);
	}

	@Test
	void whatAHitShowsIsReadAsTheStoryWasIndexed() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		IndexableStory twoBylines = new IndexableStory(2, "pêche-côtière", ArticleType.STATEMENT,
				"Pêche <côtière> & \"quotas\"", "Résumé: 🐟 quotas set.", "<p>Body.</p>", day, day,
				List.of(new Byline("María Álvarez", "maria-alvarez"), new Byline("Jane Doe", "jane-doe")), List.of());
		index(story(1, "Ports Reopen", "", "Ports reopened.", day.minusSeconds(60)), twoBylines);
		this.index.search((searcher) -> {
			try {
				int[] docs = { 1, 0, 1 };
				Map<Integer, Document> shown = StoryDocument.shown(searcher.getIndexReader(), docs);
				assertThat(shown).hasSize(2);
				for (int doc : new int[] { 0, 1 }) {
					Document stored = searcher.storedFields().document(doc);
					for (String field : List.of(StoryDocument.SLUG, StoryDocument.TITLE, StoryDocument.TYPE,
							StoryDocument.SUMMARY)) {
						assertThat(shown.get(doc).get(field)).as(field).isEqualTo(stored.get(field));
					}
					assertThat(shown.get(doc).getValues(StoryDocument.BYLINE))
						.containsExactly(stored.getValues(StoryDocument.BYLINE));
					assertThat(shown.get(doc).getField(StoryDocument.RELEASE).numericValue())
						.isEqualTo(stored.getField(StoryDocument.RELEASE).numericValue());
				}
				assertThat(shown.get(0).getValues(StoryDocument.BYLINE)).containsExactly("María Álvarez", "Jane Doe");
				return null;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}, null);
	}

	@Test
	void anythingTypedIsAnsweredWithoutAnError() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Ports Reopen", "Ports are open.", "All ports reopened today.", day));
		String[] queries = { "\"ports", "ports\"", "\"", "-", "--", "OR", "OR ports OR", "AND", "NOT ports", "*",
				"ports*", "?", "(ports", "ports)", "[ports TO z]", "ports~2", "ports^10", "field:ports", "\\", "/",
				"\u0000ports\u0007", "\u202eports", "x".repeat(2000), "ports ".repeat(400), "😀 ports", "' OR 1=1 --",
				"<script>alert(1)</script>", "" };
		for (String query : queries) {
			assertThat(this.search.search(new SearchQuery(query, null, null, null, null, false, 1, 10))).as(query)
				.isNotNull();
		}
		assertThat(titles("\"ports")).containsExactly("Ports Reopen");
		assertThat(titles("(ports)")).containsExactly("Ports Reopen");
		assertThat(titles("\u0000ports\u0007")).containsExactly("Ports Reopen");
	}

	@Test
	void snippetsMarkTheMatchedWordsAndEscapeEverythingElse() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Ports Reopen", "Ports are open.", "Ports reopened &lt;script&gt;alert(1)&lt;/script&gt; today.",
				day));
		String snippet = this.search.search(new SearchQuery("alert", null, null, null, null, false, 1, 10))
			.hits()
			.get(0)
			.snippetHtml();
		assertThat(snippet).contains("<mark>alert</mark>").contains("&lt;script&gt;").doesNotContain("<script");
	}

	@Test
	void aBodyIsHighlightedWhenTheSummaryHoldsNoneOfTheWords() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Lanes Open", "Inspection lanes are open.",
				"Trucks wait. The cold storage warehouse opened, and storage that is cold was added.", day));
		// The phrase is marked where its words follow each other only.
		assertThat(snippet("\"cold storage\""))
			.isEqualTo("The <mark>cold storage</mark> warehouse opened, and storage that is cold was added.");
		assertThat(snippet("lanes")).isEqualTo("Inspection <mark>lanes</mark> are open.");
	}

	private String snippet(String q) {
		return this.search.search(new SearchQuery(q, null, null, null, null, false, 1, 10)).hits().get(0).snippetHtml();
	}

	@Test
	void findsAScheduledStoryFromItsReleaseInstantOnAndNotBefore() {
		Instant release = this.clock.instant().plus(Duration.ofHours(2));
		index(story(1, "Embargoed Tariff Decision", "Decision.", "Tariffs change.", release));
		assertThat(titles("tariff")).isEmpty();
		assertThat(titles("")).isEmpty();
		this.clock.set(release.minusMillis(1));
		assertThat(titles("tariff")).isEmpty();
		this.clock.set(release);
		assertThat(titles("tariff")).containsExactly("Embargoed Tariff Decision");
	}

	@Test
	void aRepeatedSearchNeverOutlivesAChangeOrTheNextReleaseOrTheClockGoingBack() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		Instant release = this.clock.instant().plus(Duration.ofSeconds(5));
		index(story(1, "Ports Reopen", "Ports.", "Ports reopened.", day),
				story(2, "Embargoed Port Tariff", "Ports.", "Port tariffs change.", release));
		assertThat(titles("port")).containsExactly("Ports Reopen");
		assertThat(titles("port")).as("asked again, same answer").containsExactly("Ports Reopen");

		this.clock.set(release);
		assertThat(titles("port")).as("released within the minute an answer is kept")
			.containsExactlyInAnyOrder("Ports Reopen", "Embargoed Port Tariff");

		this.index.update(List.of(1L), List.of(), 2);
		assertThat(titles("port")).as("an unpublished story is gone at once").containsExactly("Embargoed Port Tariff");

		this.clock.set(release.minusMillis(1));
		assertThat(titles("port")).as("the clock set back: the embargo holds again").isEmpty();

		this.clock.set(release.plus(SearcherCache.LIFETIME).plusSeconds(1));
		assertThat(titles("port")).containsExactly("Embargoed Port Tariff");
	}

	@Test
	void countsFacetsAndFiltersByThem() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		IndexableStory feature = new IndexableStory(3, "feature", ArticleType.FEATURE_STORY, "Port Feature",
				"Port life.", "<p>Life at the port.</p>", day, day, List.of(new Byline("Ann Lee", "ann-lee")),
				List.of(new TopicLink("Travel", "travel")));
		index(story(1, "Port One", "Port.", "Port news.", day), story(2, "Port Two", "Port.", "Port news.", day),
				feature);
		SearchResults all = this.search.search(new SearchQuery("port", null, null, null, null, false, 1, 10));
		assertThat(all.total()).isEqualTo(3);
		assertThat(facet(all, "type")).containsExactly(new SearchResults.FacetValue("news-release", 2),
				new SearchResults.FacetValue("feature-story", 1));
		assertThat(facet(all, "topic")).containsExactlyInAnyOrder(new SearchResults.FacetValue("trade", 2),
				new SearchResults.FacetValue("travel", 1));
		SearchResults features = this.search
			.search(new SearchQuery("port", "feature-story", null, null, null, false, 1, 10));
		assertThat(features.hits()).extracting(SearchResults.Hit::title).containsExactly("Port Feature");
		assertThat(facet(features, "type")).as("the chosen facet still shows the other kinds to switch to").hasSize(2);
		assertThat(this.search.search(new SearchQuery("port", null, "travel", "ann-lee", 2026, true, 1, 10)).total())
			.isEqualTo(1);
	}

	@Test
	void suggestsACorrectionForMisspelledWords() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Inspection Lanes Open", "Inspection.", "New inspection lanes opened at Laredo.", day));
		SearchResults results = this.search
			.search(new SearchQuery("inspektion lanes", null, null, null, null, false, 1, 10));
		assertThat(results.suggestion()).isEqualTo("inspection lanes");
	}

	@Test
	void aSuggestionNeverRevealsAWordThatOnlyAScheduledOrRemovedStoryHolds() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		Instant release = this.clock.instant().plus(Duration.ofHours(2));
		index(story(1, "Inspection Lanes Open", "Inspection.", "New lanes opened at Laredo.", day),
				story(2, "Embargoed Quarantine Order", "Secret.", "A quarantine order for imported citrus.", release),
				story(3, "Withdrawn Zeppelin Notice", "Gone.", "A zeppelin notice.", day));
		this.index.update(List.of(3L), List.of(), 2);
		assertThat(suggestion("quarantene")).as("before the release").isNull();
		assertThat(suggestion("inspektion quarantene")).isEqualTo("inspection quarantene");
		assertThat(suggestion("zeppelln")).as("a removed story's words linger in the dictionary").isNull();

		this.clock.set(release);
		assertThat(suggestion("quarantene")).isEqualTo("quarantine");
	}

	@Test
	void anUpdateIsFoundAtOnceAndKeptOnceCommitted() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Ports Reopen", "Ports.", "Ports.", day));
		this.index.update(List.of(2L), List.of(story(2, "Bridges Close", "Bridges.", "Bridges.", day)), 7);
		assertThat(titles("bridges")).as("searchable before any commit").containsExactly("Bridges Close");
		this.index.commit();
		this.index.close();

		this.index = new SearchIndex(this.folder, ZoneId.of("America/New_York"));
		assertThat(this.index.open()).isTrue();
		assertThat(this.index.appliedEventId()).isEqualTo(7);
		this.search = new Search(this.index, this.clock);
		assertThat(titles("bridges")).containsExactly("Bridges Close");
	}

	private String suggestion(String q) {
		return this.search.search(new SearchQuery(q, null, null, null, null, false, 1, 10)).suggestion();
	}

	@Test
	void aRebuildReadsBatchesAfterTheLastIdAndFailsAsItsReadingFailsLeavingTheLiveIndex() {
		Instant day = this.clock.instant().minus(Duration.ofDays(1));
		index(story(1, "Ports Reopen", "Ports.", "Ports.", day));
		// The next batch is read on another thread while one is indexed: each is asked
		// for after the last id of the one before, and all are indexed.
		List<Long> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
		int count = this.index.rebuild((after) -> {
			asked.add(after);
			return (after < 30) ? List.of(story(after + 1, "Bridge " + (after + 1), "Bridges.", "Bridges.", day),
					story(after + 10, "Bridge " + (after + 10), "Bridges.", "Bridges.", day)) : List.of();
		}, 2);
		assertThat(count).isEqualTo(6);
		assertThat(asked).containsExactly(0L, 10L, 20L, 30L);
		assertThat(titles("bridge")).hasSize(6);
		assertThatThrownBy(() -> this.index.rebuild((after) -> {
			if (after > 0) {
				throw new IllegalStateException("database gone");
			}
			return List.of(story(1, "Tunnels", "Tunnels.", "Tunnels.", day));
		}, 3)).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
		assertThat(titles("bridge")).hasSize(6);
		assertThat(titles("tunnels")).isEmpty();
	}

	@Test
	void anIndexFromAnotherSchemaOrAnUnreadableOneIsRebuilt() throws Exception {
		index(story(1, "Ports Reopen", "Ports.", "Ports.", this.clock.instant()));
		this.index.close();
		SearchIndex reopened = new SearchIndex(this.folder, ZoneId.of("UTC"));
		assertThat(reopened.open()).isTrue();
		reopened.close();
		// An index written by another version of Gazette's documents.
		String live = java.nio.file.Files.readString(this.folder.resolve("current")).strip();
		try (var directory = org.apache.lucene.store.FSDirectory.open(this.folder.resolve(live));
				var writer = new org.apache.lucene.index.IndexWriter(directory,
						new org.apache.lucene.index.IndexWriterConfig())) {
			writer.setLiveCommitData(java.util.Map.of("schema", "0", "event", "1").entrySet());
			writer.commit();
		}
		assertThat(new SearchIndex(this.folder, ZoneId.of("UTC")).open()).isFalse();
		// Schema 5 kept the stories in the order they were added; a writer for the
		// newest-first order refuses such an index, so it is rebuilt, not failed on.
		try (var directory = org.apache.lucene.store.FSDirectory.open(this.folder.resolve("index-unsorted"));
				var writer = new org.apache.lucene.index.IndexWriter(directory,
						new org.apache.lucene.index.IndexWriterConfig())) {
			writer.addDocument(StoryDocument.of(story(2, "Ports Close", "Ports.", "Ports.", this.clock.instant()),
					ZoneId.of("UTC")));
			writer.setLiveCommitData(java.util.Map.of("schema", "5", "event", "1").entrySet());
			writer.commit();
		}
		java.nio.file.Files.writeString(this.folder.resolve("current"), "index-unsorted");
		assertThat(new SearchIndex(this.folder, ZoneId.of("UTC")).open()).isFalse();
		java.nio.file.Files.writeString(this.folder.resolve("current"), "index-missing");
		assertThat(new SearchIndex(this.folder, ZoneId.of("UTC")).open()).isFalse();
		this.index = null;
	}

	private static List<SearchResults.FacetValue> facet(SearchResults results, String dimension) {
		return results.facets()
			.stream()
			.filter((f) -> f.dimension().equals(dimension))
			.findFirst()
			.orElseThrow()
			.values();
	}

}
