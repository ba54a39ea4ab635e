package org.gazette.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.gazette.content.ArticleType;
import org.gazette.content.Content;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryQuery;
import org.gazette.support.Http;
import org.gazette.support.TestDatabase;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application as a new user starts it, with the demo newsroom, but on
 * PostgreSQL: the same migrations and queries that the H2 tests exercise, end to end over
 * HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gazette.demo-content=true",
				"gazette.search.index-directory=target/test-search-index/${random.uuid}" })
// Closed after the class rather than kept in the context cache, and its schema dropped
// as it closes (below).
@DirtiesContext
class DemoNewsroomOnPostgresTests {

	private static String url;

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	Content content;

	@BeforeAll
	static void postgres() {
		url = TestDatabase.newPostgresSchemaUrl();
	}

	/**
	 * Drops the schema while the application closes, once its scheduled tasks have
	 * stopped: dropped before (in an {@code @AfterAll}), the change-event poll read the
	 * missing tables until the test run ended, logging errors into other tests' output.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DropSchemaOnClose {

		@Bean
		DisposableBean dropSchema() {
			return () -> TestDatabase.dropSchemaOf(url);
		}

	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> TestDatabase.POSTGRES_USER);
		registry.add("spring.datasource.password", () -> TestDatabase.POSTGRES_PASSWORD);
	}

	@Test
	void theDemoIsAPlausibleNewsroomOfTheLastTwoYears() {
		var stories = this.newsroom.list(StoryQuery.ALL, 1, 100).stories();
		assertThat(stories).hasSizeGreaterThanOrEqualTo(24);
		Set<ArticleType> types = new HashSet<>();
		stories.forEach((story) -> types.add(story.type()));
		assertThat(types).containsExactlyInAnyOrder(ArticleType.values());
		assertThat(this.content.authors()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(this.content.topics()).hasSizeGreaterThanOrEqualTo(4);
		Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(731));
		assertThat(stories).allMatch((story) -> story.releaseAt().isAfter(twoYearsAgo));
		assertThat(stories).anyMatch((story) -> story.bylines().size() >= 2);
		assertThat(this.newsroom.nextRelease()).as("one demo story is scheduled ahead, under embargo").isPresent();
	}

	@Test
	void everyDemoPageAnswersAndEveryInternalLinkWorks() {
		Http http = new Http(this.port);
		Set<String> checked = new HashSet<>();
		for (StoryCard story : this.newsroom.list(StoryQuery.ALL, 1, 100).stories()) {
			var response = http.get("/news/" + story.slug());
			assertThat(response.status()).as(story.slug()).isEqualTo(200);
			Document page = response.document();
			for (var link : page.select("main a[href^=/]")) {
				String href = link.attr("href");
				if (checked.add(href)) {
					assertThat(http.get(href).status()).as(href + " linked from " + story.slug()).isEqualTo(200);
				}
			}
		}
		for (String path : new String[] { "/", "/news", "/news/page/2", "/news/types/statement", "/news/years/2026" }) {
			assertThat(http.get(path).status()).as(path).isEqualTo(200);
		}
	}

}
