package org.gazette.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.content.ArticleType;
import org.gazette.publishing.Byline;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.TopicLink;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The search in one process, without HTTP: builds an index of the first N stories of the
 * bench corpus, then asks the bench's query set and prints the CPU time of each search
 * (the thread's, which other jobs on the machine do not inflate as they inflate wall
 * time). Run by hand (see bench/README.md, "Search"); not a test.
 *
 * <pre>
 * CORPUS_JSONL N QUERIES_TSV ROUNDS MODE   MODE: default (new Search(index, clock)) or uncached
 * </pre>
 */
public final class SearchBenchmark {

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		int n = Integer.parseInt(args[1]);
		List<SearchQuery> queries = queries(Path.of(args[2]));
		int rounds = Integer.parseInt(args[3]);
		String mode = args[4];
		List<IndexableStory> stories = new ArrayList<>();
		try (var lines = Files.lines(corpus)) {
			lines.limit(n).forEach((line) -> stories.add(story(JsonParserFactory.getJsonParser().parseMap(line))));
		}
		Path folder = Files.createTempDirectory("search-bench");
		Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
		try (SearchIndex index = new SearchIndex(folder, ZoneId.of("America/New_York"))) {
			long start = System.nanoTime();
			index.rebuild((after) -> (after == 0) ? stories : List.of(), 1);
			System.out.printf(Locale.ROOT, "index: %d stories in %.1f s (wall)%n", stories.size(),
					(System.nanoTime() - start) / 1e9);
			Search search = mode.equals("uncached") ? new Search(index, clock, 0) : new Search(index, clock);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (int round = 1; round <= rounds; round++) {
				double[] cpu = new double[queries.size()];
				for (int i = 0; i < queries.size(); i++) {
					long before = threads.getCurrentThreadCpuTime();
					search.search(queries.get(i));
					cpu[i] = (threads.getCurrentThreadCpuTime() - before) / 1e6;
				}
				double sum = Arrays.stream(cpu).sum();
				Arrays.sort(cpu);
				System.out.printf(Locale.ROOT,
						"mode=%s round %d: %d searches, CPU ms per search mean %.2f p50 %.2f p95 %.2f max %.2f%n", mode,
						round, cpu.length, sum / cpu.length, cpu[cpu.length / 2], cpu[(int) (cpu.length * 0.95)],
						cpu[cpu.length - 1]);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static IndexableStory story(Map<String, Object> json) {
		long id = ((Number) json.get("id")).longValue();
		Instant date = Instant.parse((String) json.get("date"));
		ArticleType[] types = { ArticleType.NEWS_RELEASE, ArticleType.NEWS_RELEASE, ArticleType.NEWS_RELEASE,
				ArticleType.NEWS_RELEASE, ArticleType.NEWS_RELEASE, ArticleType.NEWS_RELEASE, ArticleType.FEATURE_STORY,
				ArticleType.FEATURE_STORY, ArticleType.ANNOUNCEMENT, ArticleType.STATEMENT };
		String author = (String) json.get("author");
		List<TopicLink> topics = ((List<String>) json.get("topics")).stream()
			.map((slug) -> new TopicLink(slug, slug))
			.toList();
		String body = "<p>" + HtmlUtils.htmlEscape((String) json.get("body_markdown")) + "</p>";
		return new IndexableStory(id, (String) json.get("slug"), types[(int) (id % 10)], (String) json.get("title"),
				(String) json.get("summary"), body, date, date,
				List.of(new Byline(author, author.toLowerCase(Locale.ROOT).replace(' ', '-'))), topics);
	}

	/** The request paths of bench/search-queries.py as searches. */
	private static List<SearchQuery> queries(Path tsv) throws Exception {
		List<SearchQuery> queries = new ArrayList<>();
		for (String line : Files.readAllLines(tsv)) {
			if (line.isBlank()) {
				continue;
			}
			String path = line.split("\t")[1];
			Map<String, String> p = new HashMap<>();
			for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
				String[] kv = pair.split("=", 2);
				p.put(kv[0], URLDecoder.decode((kv.length > 1) ? kv[1] : "", StandardCharsets.UTF_8));
			}
			queries.add(SearchParameters.parse(p.get("q"), p.get("type"), p.get("topic"), p.get("author"),
					p.get("year"), p.get("sort"), p.get("page"), 10));
		}
		return queries;
	}

}
