package org.gazette.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, on an in-memory H2, without demo content, with
 * a {@link MutableClock}. All classes with this annotation share one application.
 * <p>
 * Release work is enqueued but no thread runs it: a test that needs it run calls
 * {@code TestReleaseRunner.runDue}, so nothing happens behind a test's back when it moves
 * the clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "gazette.demo-content=false",
		"gazette.base-url=https://news.example.gov",
		"gazette.search.index-directory=target/test-search-index/${random.uuid}", "gazette.release.enabled=false",
		"gazette.subscriptions.enabled=false", "gazette.media.directory=target/test-media/${random.uuid}",
		// An upload refused as busy is told so after this wait (ImageUploadQueueTests).
		"gazette.media.image-wait=2s",
		// Two searches at a time, and one refused as busy after this wait
		// (SearchBusyTests).
		"gazette.search.searches-at-once=2", "gazette.search.longest-wait=1s",
		"spring.datasource.url=jdbc:h2:mem:web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@Import(WebTestConfiguration.class)
public @interface GazetteWebTest {

}
