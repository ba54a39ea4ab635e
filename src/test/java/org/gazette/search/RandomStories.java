package org.gazette.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gazette.content.ArticleType;
import org.gazette.publishing.Byline;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.TopicLink;

/**
 * Stories of words drawn at random from a small vocabulary, released over the 900 days
 * before {@code now}: many matches per word and many ties, for tests that compare two
 * ways of ranking the same index. Seeded, so each test sees the same stories every run.
 */
final class RandomStories {

	private final Random random;

	private final String[] vocabulary;

	RandomStories(long seed, String... vocabulary) {
		this.random = new Random(seed);
		this.vocabulary = vocabulary;
	}

	/**
	 * Stories 1 to {@code count}, each with a title and summary of the given lengths and
	 * a body of 10 to {@code 10 + bodyExtra - 1} words.
	 */
	List<IndexableStory> stories(int count, Instant now, int titleWords, int summaryWords, int bodyExtra) {
		List<IndexableStory> stories = new ArrayList<>();
		for (int id = 1; id <= count; id++) {
			Instant release = now.minus(Duration.ofHours(this.random.nextInt(24 * 900)));
			stories.add(new IndexableStory(id, "story-" + id, ArticleType.NEWS_RELEASE, words(titleWords),
					words(summaryWords), "<p>" + words(10 + this.random.nextInt(bodyExtra)) + "</p>", release, release,
					List.of(new Byline("Jane Doe", "jane-doe")), List.of(new TopicLink("Trade", "trade"))));
		}
		return stories;
	}

	private String words(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(this.vocabulary[this.random.nextInt(this.vocabulary.length)]).append(' ');
		}
		return text.toString().strip();
	}

}
