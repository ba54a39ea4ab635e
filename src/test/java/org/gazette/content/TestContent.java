package org.gazette.content;

import java.nio.file.Path;
import java.time.Clock;

import org.gazette.media.TestMedia;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The content service on a test database, wired by hand (no Spring context needed). */
public final class TestContent {

	private TestContent() {
	}

	public static Content content(JdbcClient jdbc, Clock clock) {
		return content(jdbc, clock, (event) -> {
		});
	}

	/** Content whose events (author and topic changes) go to the given publisher. */
	public static Content content(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		AuthorRepository authors = new AuthorRepository(jdbc);
		TopicRepository topics = new TopicRepository(jdbc);
		return new Content(new ArticleRepository(jdbc), new RevisionRepository(jdbc), authors, topics,
				new ArticleListRepository(jdbc), new MarkdownRenderer(),
				TestMedia.library(jdbc, clock, Path.of(System.getProperty("java.io.tmpdir"), "gazette-test-media")),
				events, clock);
	}

}
