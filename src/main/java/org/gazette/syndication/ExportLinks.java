package org.gazette.syndication;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site addresses each page of an export links to, kept beside its manifest, so that
 * the next incremental export can check every link of the site while rendering only the
 * pages that changed: the links of a page it keeps are read from here. Each address is
 * written once and numbered; a page's line lists the numbers.
 */
final class ExportLinks {

	private static final String FORMAT = "gazette-export-links\t1";

	private ExportLinks() {
	}

	/**
	 * Each page's links by its address; null when there is no such file or it is
	 * unreadable.
	 */
	static Map<String, List<String>> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			if (!FORMAT.equals(in.readLine())) {
				return null;
			}
			List<String> targets = new ArrayList<>();
			Map<String, List<String>> pages = new HashMap<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith("t\t")) {
					targets.add(unescape(line.substring(2)));
				}
				else if (line.startsWith("p\t")) {
					int tab = line.indexOf('\t', 2);
					String numbers = line.substring(tab + 1);
					List<String> links = new ArrayList<>();
					if (!numbers.isEmpty()) {
						for (String number : numbers.split(",")) {
							links.add(targets.get(Integer.parseInt(number)));
						}
					}
					pages.put(unescape(line.substring(2, tab)), List.copyOf(links));
				}
			}
			return pages;
		}
		catch (IOException | RuntimeException ex) {
			// Unreadable: the next export renders every page.
			return null;
		}
	}

	/** Writes the links whole or not at all. */
	static void write(Path file, Map<String, List<String>> pages) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Map<String, Integer> numbers = new HashMap<>();
		try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			out.write(FORMAT + "\n");
			for (Map.Entry<String, List<String>> page : new TreeMap<>(pages).entrySet()) {
				StringBuilder line = new StringBuilder("p\t").append(escape(page.getKey())).append('\t');
				boolean first = true;
				for (String target : page.getValue()) {
					Integer number = numbers.get(target);
					if (number == null) {
						number = numbers.size();
						numbers.put(target, number);
						out.write("t\t" + escape(target) + "\n");
					}
					line.append(first ? "" : ",").append(number);
					first = false;
				}
				out.write(line.append('\n').toString());
			}
		}
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String escape(String text) {
		if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				out.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
