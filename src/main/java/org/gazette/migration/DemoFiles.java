package org.gazette.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the demo newsroom's files: blocks of {@code key: value} header lines, a blank
 * line (or a {@code ---} line for stories), then Markdown.
 */
final class DemoFiles {

	/**
	 * One demo entry.
	 *
	 * @param header header fields by key
	 * @param body the Markdown after the header
	 */
	record Entry(Map<String, String> header, String body) {

		String get(String key) {
			String value = this.header.get(key);
			if (value == null) {
				throw new IllegalStateException("Demo entry lacks '" + key + "': " + this.header);
			}
			return value;
		}

		String optional(String key) {
			return this.header.get(key);
		}

		List<String> list(String key) {
			String value = this.header.get(key);
			return (value == null || value.isBlank()) ? List.of()
					: Arrays.stream(value.split(",")).map(String::strip).toList();
		}

	}

	private static final PathMatchingResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver();

	private DemoFiles() {
	}

	/** Entries of a file whose blocks are separated by lines of {@code ===}. */
	static List<Entry> blocks(String location) {
		String text = read(RESOLVER.getResource(location));
		List<Entry> entries = new ArrayList<>();
		for (String block : text.split("(?m)^===\\s*$")) {
			if (!block.isBlank()) {
				entries.add(entry(block.strip(), "\n\n"));
			}
		}
		return entries;
	}

	/** One entry per story file, in file name order, each between {@code ---} lines. */
	static List<Entry> stories(String pattern) {
		try {
			Resource[] resources = RESOLVER.getResources(pattern);
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			List<Entry> entries = new ArrayList<>();
			for (Resource resource : resources) {
				String text = read(resource).strip();
				if (!text.startsWith("---")) {
					throw new IllegalStateException("Demo story without a header: " + resource.getFilename());
				}
				entries.add(entry(text.substring(3).strip(), "\n---"));
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Entry entry(String text, String separator) {
		int end = text.indexOf(separator);
		String head = (end < 0) ? text : text.substring(0, end);
		String body = (end < 0) ? "" : text.substring(end + separator.length()).strip();
		Map<String, String> header = new LinkedHashMap<>();
		for (String line : head.split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
		}
		return new Entry(header, body);
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
