package org.gazette.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gazette.support.WebTestConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application with the demo newsroom, on its own in-memory H2 (not the one
 * {@code @GazetteWebTest} empties between tests), with a
 * {@link org.gazette.support.MutableClock}: the demo counts its release dates back from
 * the clock's today, so every run sees the same dates. All classes with this annotation
 * share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "gazette.demo-content=true",
		"gazette.base-url=https://news.example.gov",
		"gazette.search.index-directory=target/test-search-index/${random.uuid}",
		"spring.datasource.url=jdbc:h2:mem:demo-search;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@Import(WebTestConfiguration.class)
@interface DemoNewsroomTest {

}
