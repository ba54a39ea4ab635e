package org.gazette.content;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The content service on a test database, wired by hand (no Spring context needed). */
public final class TestContent {

	private TestContent() {
	}

	public static Content content(JdbcClient jdbc, Clock clock) {
		AuthorRepository authors = new AuthorRepository(jdbc);
		TopicRepository topics = new TopicRepository(jdbc);
		return new Content(new ArticleRepository(jdbc), new RevisionRepository(jdbc), authors, topics,
				new MarkdownRenderer(), clock);
	}

}
