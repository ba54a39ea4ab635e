package org.gazette.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A search that finds every search turn taken (a flood of new searches) waits at most the
 * longest wait, then the reader gets a clear "try again" page or problem, while answers
 * already given are still served; once a turn frees, the same search is answered.
 */
@GazetteWebTest
class SearchBusyTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	SearchTurns turns;

	@Autowired
	SearchProperties properties;

	@Test
	void aSearchThatCannotStartWithinTheWaitIsAnswered503WhileAnswersAlreadyGivenStillAre() throws Exception {
		this.newsroom.reset();
		this.stories.story("New Tariffs on Steel Imports").body("Customs will collect the new tariffs.").publish();
		Http http = new Http(this.port);
		assertThat(http.get("/search?q=tariff").status()).isEqualTo(200);

		int atOnce = this.properties.searchesAtOnce();
		ExecutorService threads = Executors.newFixedThreadPool(atOnce);
		CountDownLatch busy = new CountDownLatch(atOnce);
		CountDownLatch release = new CountDownLatch(1);
		try {
			Future<?>[] held = new Future<?>[atOnce];
			for (int i = 0; i < atOnce; i++) {
				held[i] = threads.submit(() -> this.turns.run(() -> {
					busy.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return null;
				}));
			}
			busy.await();

			Http.Response page = http.get("/search?q=steel");
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.header("Retry-After")).hasValue("5");
			assertThat(page.document().select("h1").text()).isEqualTo("Too busy right now");
			assertThat(page.document().select("main").text()).contains("Many people are searching right now");
			Http.Response api = http.get("/api/v1/search?q=steel");
			assertThat(api.status()).isEqualTo(503);
			assertThat(api.header("Retry-After")).hasValue("5");
			assertThat(api.header("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(api.body()).contains("\"title\":\"Search is busy\"", "try again in a few seconds");

			// Answered from memory: no turn needed.
			Http.Response kept = http.get("/search?q=tariff");
			assertThat(kept.status()).isEqualTo(200);
			assertThat(kept.document().select("#search-results .gazette-story-title").eachText())
				.containsExactly("New Tariffs on Steel Imports");

			release.countDown();
			for (Future<?> hold : held) {
				hold.get();
			}
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		Http.Response later = http.get("/search?q=steel");
		assertThat(later.status()).isEqualTo(200);
		assertThat(later.document().select("#search-results .gazette-story-title").eachText())
			.containsExactly("New Tariffs on Steel Imports");
	}

	@Test
	void settingsOutOfRangeAreRefusedAtStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SearchProperties(Path.of("index"), 0, -1, Duration.ZERO))
			.withMessageContaining("searches-at-once");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SearchProperties(Path.of("index"), 0, 0, Duration.ofSeconds(-1)))
			.withMessageContaining("longest-wait");
	}

}
