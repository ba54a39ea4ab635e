package org.gazette.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Word-level differences between two texts (Myers' algorithm, by java-diff-utils). Text
 * is cut into words, runs of whitespace and single other characters, so that joining the
 * tokens gives the text back exactly and a changed comma does not mark its whole word as
 * changed.
 */
final class TextDiff {

	// Letters with their combining marks, digits; then whitespace; then any one character
	// (a code point, so surrogate pairs stay whole).
	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.", Pattern.DOTALL);

	private TextDiff() {
	}

	static List<String> words(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher((text != null) ? text : "");
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	/** Differences of two prose texts, word by word. */
	static List<DiffSegment> prose(String before, String after) {
		return tokens(words(before), words(after));
	}

	/**
	 * Differences of two lists of names (bylines, topics), each name one token, shown
	 * joined by commas.
	 */
	static List<DiffSegment> names(List<String> before, List<String> after) {
		List<String> from = withSeparators(before);
		List<String> to = withSeparators(after);
		return tokens(from, to);
	}

	static List<DiffSegment> tokens(List<String> before, List<String> after) {
		Patch<String> patch = DiffUtils.diff(before, after);
		Segments segments = new Segments();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			segments.add(DiffSegment.Kind.UNCHANGED, before.subList(position, start));
			segments.add(DiffSegment.Kind.REMOVED, delta.getSource().getLines());
			segments.add(DiffSegment.Kind.ADDED, delta.getTarget().getLines());
			position = start + delta.getSource().size();
		}
		segments.add(DiffSegment.Kind.UNCHANGED, before.subList(position, before.size()));
		return segments.list;
	}

	private static List<String> withSeparators(List<String> names) {
		List<String> tokens = new ArrayList<>();
		for (String name : names) {
			if (!tokens.isEmpty()) {
				tokens.add(", ");
			}
			tokens.add(name);
		}
		return tokens;
	}

	/** Segments with neighbours of the same kind joined into one run. */
	private static final class Segments {

		private final List<DiffSegment> list = new ArrayList<>();

		void add(DiffSegment.Kind kind, List<String> tokens) {
			if (tokens.isEmpty()) {
				return;
			}
			String text = String.join("", tokens);
			int last = this.list.size() - 1;
			if (last >= 0 && this.list.get(last).kind() == kind) {
				this.list.set(last, new DiffSegment(kind, this.list.get(last).text() + text));
			}
			else {
				this.list.add(new DiffSegment(kind, text));
			}
		}

	}

}
