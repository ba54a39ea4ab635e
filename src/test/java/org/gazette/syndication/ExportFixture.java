package org.gazette.syndication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Topic;
import org.gazette.support.Stories;

/**
 * A small newsroom for the export tests, and ways to read an export back. Its stories
 * were released in 2024 and 2025 and its scheduled one is due in 2099, so that it reads
 * the same under the tests' clock and under the real one (the command runs with the
 * latter).
 */
final class ExportFixture {

	/** When the scheduled story is released. */
	static final Instant SCHEDULED = Instant.parse("2099-01-05T14:30:00Z");

	private ExportFixture() {
	}

	/**
	 * 44 stories (three pages of all news) of every kind by three authors about two
	 * topics, over two years; story 2 links to story 1, to a topic and to a feed; one
	 * story scheduled. Returns the id of story 1.
	 */
	static long build(Stories stories) {
		Author jane = stories.author("Jane Doe");
		Author ann = stories.author("Ann Lee");
		Author raj = stories.author("Raj Patel");
		Topic trade = stories.topic("Trade");
		Topic travel = stories.topic("Travel");
		ArticleType[] types = ArticleType.values();
		Instant first = Instant.parse("2025-12-20T15:00:00Z");
		long storyOne = 0;
		for (int i = 1; i <= 44; i++) {
			var story = stories.story("Story " + i)
				.type(types[i % types.length])
				.by((i % 3 == 0) ? new Author[] { jane, ann } : new Author[] { (i % 3 == 1) ? jane : raj })
				.about((i % 2 == 0) ? trade : travel)
				.dateline("WASHINGTON")
				.releasedAt(first.minus(Duration.ofDays(i * 12L)));
			if (i == 2) {
				story.body("See [the first story](/news/story-1), [more on trade](/topics/trade) and "
						+ "[our feed](/feeds/all.atom), or [a section](#top).");
			}
			long id = story.publish();
			if (i == 1) {
				storyOne = id;
			}
		}
		stories.story("Scheduled story").by(jane).about(trade).releasedAt(SCHEDULED).publish();
		return storyOne;
	}

	/** Every file of the export at {@code link}, by its path relative to the export. */
	static Map<String, Path> files(Path link) {
		try {
			Path root = link.toRealPath();
			Map<String, Path> files = new TreeMap<>();
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile)
					.forEach((file) -> files.put(root.relativize(file).toString().replace('\\', '/'), file));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The address a file of the export is served at. */
	static String address(String file) {
		if (file.equals("index.html")) {
			return "/";
		}
		return "/" + (file.endsWith("/index.html") ? file.substring(0, file.length() - "/index.html".length()) : file);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
