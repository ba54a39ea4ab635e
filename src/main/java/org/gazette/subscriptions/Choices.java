package org.gazette.subscriptions;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a subscriber wants to hear about.
 *
 * @param allStories every story; when false, the stories of {@code topicIds} or of
 * {@code typeCodes} (either matches)
 * @param topicIds chosen topics
 * @param typeCodes chosen story types ({@code news-release}, ...)
 * @param frequency each story as it is released, or a daily digest
 */
public record Choices(boolean allStories, Set<Long> topicIds, Set<String> typeCodes, Frequency frequency) {

	public Choices {
		topicIds = (topicIds == null || allStories) ? Set.of() : Set.copyOf(new TreeSet<>(topicIds));
		typeCodes = (typeCodes == null || allStories) ? Set.of() : Set.copyOf(new TreeSet<>(typeCodes));
		frequency = (frequency != null) ? frequency : Frequency.IMMEDIATE;
	}

	public static Choices everything() {
		return new Choices(true, Set.of(), Set.of(), Frequency.IMMEDIATE);
	}

}
