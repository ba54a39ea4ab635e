package org.gazette.subscriptions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.PublicationKind;
import org.gazette.publishing.ReleaseTask;
import org.gazette.publishing.ReleaseTaskHandler;
import org.gazette.publishing.TopicLink;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At a story's first release, queues one email for each confirmed subscriber who follows
 * it; the delivery worker sends them afterwards, at the mail server's pace, without
 * holding up release work. Only rows are written here, a chunk of {@link #CHUNK}
 * subscribers per transaction of its own, so that 50,000 subscribers are not one long
 * statement holding the database. Each subscriber is queued once whatever happens (the
 * {@code subscriber_delivery_once} key, and a chunk skips those already queued): a node
 * that stops between chunks leaves the task unfinished, and whichever node runs it again
 * queues the rest.
 */
@Component
class SubscriberEmailHandler implements ReleaseTaskHandler {

	static final String KIND = "subscriber-email";

	/** Subscribers queued per transaction. */
	static final int CHUNK = 2000;

	private final Newsroom newsroom;

	private final Content content;

	private final DeliveryRepository deliveries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate chunks;

	private final int chunkSize;

	@Autowired
	SubscriberEmailHandler(Newsroom newsroom, Content content, DeliveryRepository deliveries,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this(newsroom, content, deliveries, events, clock, transactions, CHUNK);
	}

	SubscriberEmailHandler(Newsroom newsroom, Content content, DeliveryRepository deliveries,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions, int chunkSize) {
		this.newsroom = newsroom;
		this.content = content;
		this.deliveries = deliveries;
		this.events = events;
		this.clock = clock;
		this.chunks = new TransactionTemplate(transactions);
		this.chunks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.chunkSize = chunkSize;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String description() {
		return "Subscribers' emails queued";
	}

	@Override
	public boolean wants(PublicationKind publication) {
		return publication == PublicationKind.FIRST_RELEASE;
	}

	@Override
	public void run(ReleaseTask task) {
		queue(task.articleId());
	}

	/**
	 * Queues the story's emails a chunk of subscribers at a time; returns how many were
	 * queued now.
	 */
	int queue(long articleId) {
		List<PublicStory> stories = this.newsroom.stories(List.of(articleId));
		if (stories.isEmpty()) {
			// Not public after all (the runner checked, but the clock moved on).
			return 0;
		}
		PublicStory story = stories.get(0);
		List<Long> topics = story.topics()
			.stream()
			.map(TopicLink::slug)
			.map(this.content::topicBySlug)
			.flatMap(Optional::stream)
			.map(Topic::id)
			.toList();
		int queued = 0;
		long after = 0;
		OptionalLong end;
		while ((end = this.deliveries.chunkEnd(after, this.chunkSize, topics, story.type().code())).isPresent()) {
			long from = after;
			long upTo = end.getAsLong();
			Integer chunk = this.chunks.execute((status) -> this.deliveries.enqueue(story.id(), topics,
					story.type().code(), this.clock.instant(), from, upTo));
			queued += (chunk != null) ? chunk : 0;
			after = upTo;
		}
		if (queued > 0) {
			this.events.publishEvent(new DeliveriesQueued(queued));
		}
		return queued;
	}

	/** Emails were queued; the delivery worker may wake once they commit. */
	record DeliveriesQueued(int count) {
	}

}
