package org.gazette.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Each word, then the word with the one before it as one term ({@link #pair}); or the
 * pairs alone. A quoted phrase of two words is then one term: found and counted by its
 * pair in {@link StoryDocument#WORDS_ANYWHERE} and ranked by it in each field's pairs
 * ({@link StoryDocument#pairs}), as a word is; a longer phrase is first looked up by its
 * pairs, and its words' positions are read only in the stories holding every pair.
 * Reading them in every story holding its words made a phrase of common words the
 * costliest search (bench/README.md, "Search").
 */
final class WordPairFilter extends TokenFilter {

	/**
	 * Positions apart, at most, of the two words of a pair: up to two stop words may lie
	 * between them ("rest of the world").
	 */
	static final int LONGEST_GAP = 3;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

	private final StringBuilder previous = new StringBuilder();

	private final StringBuilder pair = new StringBuilder();

	private boolean pairNext;

	/** Whether each word is kept too, else the pairs alone. */
	private final boolean words;

	WordPairFilter(TokenStream input, boolean words) {
		super(input);
		this.words = words;
	}

	/**
	 * The term of two words {@code gap} positions apart, one after the other: the words
	 * with a space between, and an underscore and a space for each position left empty
	 * between them (a stop word). A word never holds a space, so no pair is also a word,
	 * and no two pairs of different words or gaps are alike.
	 */
	static String pair(CharSequence first, CharSequence second, int gap) {
		StringBuilder pair = new StringBuilder(first.length() + second.length() + 2 * gap);
		appendPair(pair, first, second, gap);
		return pair.toString();
	}

	private static void appendPair(StringBuilder pair, CharSequence first, CharSequence second, int gap) {
		pair.append(first).append(' ');
		for (int i = 1; i < gap; i++) {
			pair.append("_ ");
		}
		pair.append(second);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (this.pairNext) {
			this.pairNext = false;
			this.term.setEmpty().append(this.pair);
			this.increment.setPositionIncrement(0);
			return true;
		}
		while (this.input.incrementToken()) {
			int gap = this.increment.getPositionIncrement();
			boolean paired = !this.previous.isEmpty() && gap >= 1 && gap <= LONGEST_GAP;
			if (paired) {
				this.pair.setLength(0);
				appendPair(this.pair, this.previous, this.term, gap);
			}
			this.previous.setLength(0);
			this.previous.append(this.term);
			if (this.words) {
				this.pairNext = paired;
				return true;
			}
			if (paired) {
				// One position per pair: the field's length, which ranking weighs, is
				// its number of pairs.
				this.term.setEmpty().append(this.pair);
				this.increment.setPositionIncrement(1);
				return true;
			}
		}
		return false;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		this.previous.setLength(0);
		this.pairNext = false;
	}

}
