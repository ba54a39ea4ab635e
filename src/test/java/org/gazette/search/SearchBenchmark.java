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
 * CORPUS_JSONL N QUERIES_TSV ROUNDS MODE [INDEX_DIR]
 *   MODE: default (new Search(index, clock)), uncached, or answers (prints each
 *   search's total, suggestion, hits and snippets instead of timing them)
 *   INDEX_DIR: where the index is kept; an index already there is reused (building
 *   100,000 stories takes minutes), else it is built there
 * </pre>
 */
public final class SearchBenchmark {

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]);
		int n = Integer.parseInt(args[1]);
		List<SearchQuery> queries = queries(Path.of(args[2]));
		List<String> kinds = kinds(Path.of(args[2]));
		int rounds = Integer.parseInt(args[3]);
		String mode = args[4];
		Path folder = (args.length > 5) ? Path.of(args[5]) : Files.createTempDirectory("search-bench");
		Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
		try (SearchIndex index = new SearchIndex(folder, ZoneId.of("America/New_York"))) {
			if (index.open()) {
				System.out.printf(Locale.ROOT, "index: reusing %s%n", folder);
			}
			else {
				// Read in batches as the rebuild asks: 100,000 stories do not fit a small
				// heap.
				var reader = Files.newBufferedReader(corpus);
				int[] read = { 0 };
				java.util.function.Function<Long, List<IndexableStory>> batches = (after) -> {
					List<IndexableStory> batch = new ArrayList<>();
					try {
						while (batch.size() < 1000 && read[0] < n) {
							String line = reader.readLine();
							if (line == null) {
								break;
							}
							batch.add(story(JsonParserFactory.getJsonParser().parseMap(line)));
							read[0]++;
						}
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
					return batch;
				};
				long start = System.nanoTime();
				long cpuBefore = processCpuNanos();
				long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
				int count = index.rebuild(batches, 1);
				reader.close();
				// The process' CPU includes merges and the JIT, which the building
				// thread's
				// does not; reading the corpus JSON is in both.
				System.out.printf(Locale.ROOT,
						"index: %d stories in %.1f s (wall), CPU %.1f s (process), %.1f s (this thread), %d MiB%n",
						count, (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuBefore) / 1e9,
						(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore) / 1e9,
						index.sizeInBytes() >> 20);
			}
			Search search = mode.equals("default") ? new Search(index, clock) : new Search(index, clock, 0);
			if (mode.equals("answers")) {
				// Every answer as text, so two versions' hits and snippets can be diffed.
				for (SearchQuery query : queries) {
					SearchResults results = search.search(query);
					System.out.printf(Locale.ROOT, "%s total=%d suggestion=%s%n", query, results.total(),
							results.suggestion());
					results.hits()
						.forEach((hit) -> System.out.printf(Locale.ROOT, "  %s | %s%n", hit.slug(), hit.snippetHtml()));
				}
				return;
			}
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (int round = 1; round <= rounds; round++) {
				double[] cpu = new double[queries.size()];
				for (int i = 0; i < queries.size(); i++) {
					long before = threads.getCurrentThreadCpuTime();
					search.search(queries.get(i));
					cpu[i] = (threads.getCurrentThreadCpuTime() - before) / 1e6;
				}
				Map<String, List<Double>> byKind = new java.util.TreeMap<>();
				for (int i = 0; i < cpu.length; i++) {
					byKind.computeIfAbsent(kinds.get(i), (kind) -> new ArrayList<>()).add(cpu[i]);
				}
				StringBuilder perKind = new StringBuilder();
				byKind.forEach((kind, values) -> perKind.append(String.format(Locale.ROOT, " %s %.2f", kind,
						values.stream().mapToDouble(Double::doubleValue).average().orElse(0))));
				double sum = Arrays.stream(cpu).sum();
				if (round == rounds) {
					// The costliest searches of the last round, which set the p95 under
					// load.
					Integer[] order = new Integer[cpu.length];
					Arrays.setAll(order, (i) -> i);
					Arrays.sort(order, (a, b) -> Double.compare(cpu[b], cpu[a]));
					for (int i = 0; i < Math.min(20, order.length); i++) {
						System.out.printf(Locale.ROOT, "  costly %.2f ms %s %s%n", cpu[order[i]], kinds.get(order[i]),
								queries.get(order[i]));
					}
				}
				Arrays.sort(cpu);
				System.out.printf(Locale.ROOT,
						"mode=%s round %d: %d searches, CPU ms per search mean %.2f p50 %.2f p95 %.2f max %.2f%n", mode,
						round, cpu.length, sum / cpu.length, cpu[cpu.length / 2], cpu[(int) (cpu.length * 0.95)],
						cpu[cpu.length - 1]);
				System.out.printf(Locale.ROOT, "  mean by kind:%s%n", perKind);
			}
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
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

	/** The kind of each request of bench/search-queries.py ("word", "phrase", ...). */
	private static List<String> kinds(Path tsv) throws Exception {
		return Files.readAllLines(tsv)
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> line.split("\t")[0])
			.toList();
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
