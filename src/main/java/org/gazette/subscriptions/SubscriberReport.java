package org.gazette.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gazette.content.ArticleType;

/**
 * What the back office shows about subscribers. Addresses in it are masked
 * ({@code j***@example.gov}) unless it was asked for with full addresses.
 *
 * @param byStatus subscribers per status, every status present
 * @param allStories confirmed subscribers of every story
 * @param perTopic confirmed subscribers per topic, by topic name
 * @param perType confirmed subscribers per story type, every type present
 * @param sends the stories most recently emailed, newest first
 * @param failures the latest emails given up on, newest first
 */
public record SubscriberReport(Map<SubscriberStatus, Long> byStatus, long allStories, List<TopicCount> perTopic,
		Map<ArticleType, Long> perType, List<Send> sends, List<Failure> failures) {

	/**
	 * @param topic the topic's name
	 * @param subscribers confirmed subscribers who follow it
	 */
	public record TopicCount(String topic, long subscribers) {
	}

	/**
	 * @param title the story's title, or null when it is no longer public
	 * @param articleId the story
	 * @param at when its last email was sent or given up on
	 * @param sent emails the mail server accepted
	 * @param failed emails given up on
	 */
	public record Send(String title, long articleId, Instant at, long sent, long failed) {
	}

	/**
	 * @param title the story's title, or null when it is no longer public
	 * @param at when it was given up on
	 * @param address the subscriber's address, masked unless asked for in full
	 * @param reason why, in a few words (never the address)
	 */
	public record Failure(String title, Instant at, String address, String reason) {
	}

}
