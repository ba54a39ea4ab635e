package org.gazette.search;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.gazette.content.TestContent;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.PublicContentChanged;
import org.gazette.publishing.TestPublishing;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database, each with its own index: a story published or unpublished on
 * one is found, or gone, on the other after its next change-event poll (every quarter
 * second in production).
 */
class SearchAcrossNodesTests {

	@TempDir
	Path folder;

	private final MutableClock clock = new MutableClock();

	@DatabaseTest
	void anUnpublishedStoryLeavesTheOtherNodesIndexOnItsNextPoll(Databases.Lazy db) {
		var jdbc = db.get().jdbc();
		TestPublishing nodeA = new TestPublishing(jdbc, TestContent.content(jdbc, this.clock), this.clock);
		TestPublishing nodeB = new TestPublishing(jdbc, TestContent.content(jdbc, this.clock), this.clock);
		SearchIndexer indexerB = new SearchIndexer(new SearchProperties(this.folder.resolve("b"),
				SearcherCache.DEFAULT_ANSWERS_KEPT, 0, Duration.ofSeconds(5)), site(), nodeB.newsroom(),
				nodeB.changeLog());
		indexerB.start();
		indexerB.rebuild();
		Search searchOnB = new Search(indexerB.index(), this.clock);
		try {
			long id = new Stories(TestContent.content(jdbc, this.clock), nodeA.publishing())
				.story("Canine Team Feature")
				.publish();
			assertThat(found(searchOnB, "canine")).isZero();
			pollInto(nodeB, indexerB);
			assertThat(found(searchOnB, "canine")).isEqualTo(1);

			nodeA.publishing().unpublish(id);
			assertThat(found(searchOnB, "canine")).as("until B polls").isEqualTo(1);
			pollInto(nodeB, indexerB);
			assertThat(found(searchOnB, "canine")).isZero();
		}
		finally {
			indexerB.destroy();
		}
	}

	private static void pollInto(TestPublishing node, SearchIndexer indexer) {
		node.events().clear();
		node.poll();
		node.events().forEach((event) -> indexer.on((PublicContentChanged) event));
	}

	private static long found(Search search, String words) {
		return search.search(new SearchQuery(words, null, null, null, null, false, 1, 10)).total();
	}

	private static GazetteProperties site() {
		return new GazetteProperties("Newsroom", "Agency", URI.create("https://www.example.gov"),
				URI.create("https://news.example.gov"), ZoneId.of("America/New_York"), false, 8,
				new GazetteProperties.Analytics("", ""), null, "newsroom@example.gov");
	}

}
