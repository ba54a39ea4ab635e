package org.gazette.migration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Topic;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.Publishing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo newsroom (original stories written for Gazette) into an empty database
 * on start, unless {@code gazette.demo-content} is false. Release dates are counted back
 * from today, so the demo always spans the last two years; one story is scheduled a few
 * days ahead to show the embargo at work.
 */
@Component
@ConditionalOnExpression("'${gazette.command:}' == ''")
class DemoNewsroom implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoNewsroom.class);

	private final Content content;

	private final Publishing publishing;

	private final GazetteProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoNewsroom(Content content, Publishing publishing, GazetteProperties properties, TransactionTemplate transaction,
			Clock clock) {
		this.content = content;
		this.publishing = publishing;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.demoContent() || !this.content.isEmpty()) {
			return;
		}
		int stories = this.transaction.execute((status) -> load());
		logger.info("Loaded the demo newsroom: {} stories. Set gazette.demo-content=false to start empty.", stories);
	}

	private int load() {
		Map<String, Long> authors = new HashMap<>();
		for (DemoFiles.Entry entry : DemoFiles.blocks("classpath:demo/authors.txt")) {
			Author author = this.content.createAuthor(
					new NewAuthor(entry.get("slug"), entry.get("name"), entry.optional("title"), entry.body()));
			authors.put(author.slug(), author.id());
		}
		Map<String, Long> topics = new HashMap<>();
		for (DemoFiles.Entry entry : DemoFiles.blocks("classpath:demo/topics.txt")) {
			Topic topic = this.content.createTopic(new NewTopic(entry.get("slug"), entry.get("name"), entry.body()));
			topics.put(topic.slug(), topic.id());
		}
		List<DemoFiles.Entry> stories = DemoFiles.stories("classpath:demo/stories/*.md");
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.timeZone()));
		for (DemoFiles.Entry story : stories) {
			ArticleType type = ArticleType.fromCode(story.get("type"))
				.orElseThrow(() -> new IllegalStateException("Unknown type in demo story " + story.get("slug")));
			RevisionDraft draft = new RevisionDraft(type, story.get("title"), story.get("summary"),
					story.optional("dateline"), story.body(), story.list("authors").stream().map(authors::get).toList(),
					story.list("topics").stream().map(topics::get).toList(), ChangeKind.MAJOR, null);
			long id = this.content.createArticle(story.get("slug"), draft, "demo");
			Instant release = today.minusDays(Long.parseLong(story.get("days-ago")))
				.atTime(LocalTime.parse(story.get("time")))
				.atZone(this.properties.timeZone())
				.toInstant();
			this.publishing.publish(id, release);
		}
		return stories.size();
	}

}
