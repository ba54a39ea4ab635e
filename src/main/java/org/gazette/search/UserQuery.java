package org.gazette.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, read the way search engines have taught people to write: words,
 * {@code "quoted phrases"}, {@code -word} or {@code -"phrase"} to exclude, and {@code OR}
 * between alternatives. Anything else (unbalanced quotes, a lone operator, punctuation,
 * control characters) is taken as plain words; reading never fails.
 *
 * @param groups clauses that must all match; each group matches when any of its
 * alternatives does
 * @param excluded clauses that must not match
 */
record UserQuery(List<List<Clause>> groups, List<Clause> excluded) {

	/** Longest query read; the rest is ignored. */
	static final int MAX_LENGTH = 500;

	/**
	 * One word or phrase.
	 *
	 * @param text the words
	 * @param phrase whether the words must appear together in order
	 */
	record Clause(String text, boolean phrase) {
	}

	boolean isEmpty() {
		return this.groups.isEmpty() && this.excluded.isEmpty();
	}

	/**
	 * The plain words of the query that must or may match, in order, for phrase boosts.
	 */
	List<String> positiveWords() {
		List<String> words = new ArrayList<>();
		for (List<Clause> group : this.groups) {
			for (Clause clause : group) {
				for (String word : clause.text().split("\\s+")) {
					if (!word.isBlank()) {
						words.add(word);
					}
				}
			}
		}
		return words;
	}

	static UserQuery parse(String input) {
		String text = (input == null) ? "" : input;
		if (text.length() > MAX_LENGTH) {
			text = text.substring(0, MAX_LENGTH);
		}
		text = text.replaceAll("[\\p{Cc}\\p{Cf}]", " ");
		List<List<Clause>> groups = new ArrayList<>();
		List<Clause> excluded = new ArrayList<>();
		boolean orPending = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			boolean negative = false;
			if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
				negative = true;
				i++;
				c = text.charAt(i);
			}
			Clause clause;
			int close = (c == '"') ? text.indexOf('"', i + 1) : -1;
			if (c == '"' && close > i + 1) {
				clause = new Clause(text.substring(i + 1, close).strip(), true);
				i = close + 1;
			}
			else {
				int end = i;
				while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
					end++;
				}
				String word = text.substring(i, end).replace("\"", "");
				i = end;
				if (!negative && word.equals("OR")) {
					orPending = !groups.isEmpty();
					continue;
				}
				clause = new Clause(word, false);
			}
			if (clause.text().isBlank()) {
				continue;
			}
			if (negative) {
				excluded.add(clause);
			}
			else if (orPending) {
				groups.get(groups.size() - 1).add(clause);
			}
			else {
				groups.add(new ArrayList<>(List.of(clause)));
			}
			orPending = false;
		}
		return new UserQuery(groups, excluded);
	}

}
