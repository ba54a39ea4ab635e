package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text's tokens, analyzed once and replayed into each field that indexes them: a body
 * is indexed as words, as pairs of words and in the field of all words, and analyzing it
 * three times was a third of a rebuild's time. A story's texts are analyzed where its
 * document is laid out, which during a rebuild is the thread that reads the next batch,
 * not the one that indexes.
 */
final class AnalyzedText {

	private char[] chars = new char[256];

	/** Where each token's term ends in {@link #chars}. */
	private int[] ends = new int[32];

	private int[] increments = new int[32];

	private int[] startOffsets = new int[32];

	private int[] endOffsets = new int[32];

	private int size;

	private int finalOffset;

	private AnalyzedText() {
	}

	static AnalyzedText of(Analyzer analyzer, String field, String text) {
		AnalyzedText analyzed = new AnalyzedText();
		try (TokenStream tokens = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				analyzed.add(term, increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
			}
			tokens.end();
			analyzed.finalOffset = offset.endOffset();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return analyzed;
	}

	private void add(CharTermAttribute term, int increment, int startOffset, int endOffset) {
		int start = (this.size == 0) ? 0 : this.ends[this.size - 1];
		if (start + term.length() > this.chars.length) {
			this.chars = Arrays.copyOf(this.chars, Math.max(start + term.length(), this.chars.length * 2));
		}
		if (this.size == this.ends.length) {
			int capacity = this.size * 2;
			this.ends = Arrays.copyOf(this.ends, capacity);
			this.increments = Arrays.copyOf(this.increments, capacity);
			this.startOffsets = Arrays.copyOf(this.startOffsets, capacity);
			this.endOffsets = Arrays.copyOf(this.endOffsets, capacity);
		}
		System.arraycopy(term.buffer(), 0, this.chars, start, term.length());
		this.ends[this.size] = start + term.length();
		this.increments[this.size] = increment;
		this.startOffsets[this.size] = startOffset;
		this.endOffsets[this.size] = endOffset;
		this.size++;
	}

	/** The tokens again, with their positions and offsets, as the analyzer gave them. */
	TokenStream tokens() {
		return new Replay();
	}

	private final class Replay extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private int next;

		@Override
		public boolean incrementToken() {
			if (this.next == AnalyzedText.this.size) {
				return false;
			}
			clearAttributes();
			int i = this.next++;
			int start = (i == 0) ? 0 : AnalyzedText.this.ends[i - 1];
			this.term.copyBuffer(AnalyzedText.this.chars, start, AnalyzedText.this.ends[i] - start);
			this.increment.setPositionIncrement(AnalyzedText.this.increments[i]);
			this.offset.setOffset(AnalyzedText.this.startOffsets[i], AnalyzedText.this.endOffsets[i]);
			return true;
		}

		@Override
		public void end() throws IOException {
			super.end();
			this.offset.setOffset(AnalyzedText.this.finalOffset, AnalyzedText.this.finalOffset);
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.next = 0;
		}

	}

}
