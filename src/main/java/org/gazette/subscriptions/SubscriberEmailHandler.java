package org.gazette.subscriptions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.PublicationKind;
import org.gazette.publishing.ReleaseTask;
import org.gazette.publishing.ReleaseTaskHandler;
import org.gazette.publishing.TopicLink;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * At a story's first release, queues one email for each confirmed subscriber who follows
 * it. Only rows are written here, in the release task's transaction, so the queueing
 * happens exactly once; the delivery worker sends them afterwards, at the mail server's
 * pace, without holding up release work.
 */
@Component
class SubscriberEmailHandler implements ReleaseTaskHandler {

	static final String KIND = "subscriber-email";

	private final Newsroom newsroom;

	private final Content content;

	private final DeliveryRepository deliveries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriberEmailHandler(Newsroom newsroom, Content content, DeliveryRepository deliveries,
			ApplicationEventPublisher events, Clock clock) {
		this.newsroom = newsroom;
		this.content = content;
		this.deliveries = deliveries;
		this.events = events;
		this.clock = clock;
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
		List<PublicStory> stories = this.newsroom.stories(List.of(task.articleId()));
		if (stories.isEmpty()) {
			// Not public after all (the runner checked, but the clock moved on).
			return;
		}
		PublicStory story = stories.get(0);
		List<Long> topics = story.topics()
			.stream()
			.map(TopicLink::slug)
			.map(this.content::topicBySlug)
			.flatMap(Optional::stream)
			.map(Topic::id)
			.toList();
		int queued = this.deliveries.enqueue(story.id(), topics, story.type().code(), this.clock.instant());
		if (queued > 0) {
			this.events.publishEvent(new DeliveriesQueued(queued));
		}
	}

	/** Emails were queued; the delivery worker may wake once they commit. */
	record DeliveriesQueued(int count) {
	}

}
