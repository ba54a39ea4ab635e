package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Where the words of a {@link QueryBuilder#highlighted highlighted} query lie in one
 * field of a story, for Lucene's highlighter, which cuts and marks the snippet from them.
 * It finds what the highlighter's own weight matcher finds (each occurrence of a word,
 * each occurrence of a phrase as one span, in the same order, labelled the same way, so
 * the passages chosen and the marks are the same), read from the same offsets in the
 * postings. The difference is the cost: the weight matcher builds a searcher, rewrites
 * the query and looks every word up in the terms dictionary for each story it highlights;
 * here each word is looked up once per search and segment, and its postings are read
 * forward across the shown stories (the highlighter visits them in document order).
 * <p>
 * Only the queries {@link QueryBuilder#highlighted} makes are understood: words, exact
 * phrases, and words that must all match (a word analysis split in two), any of which may
 * match. {@link #of} returns null for anything else, and the highlighter then uses its
 * own matcher.
 */
final class SnippetOffsets extends FieldOffsetStrategy {

	private final Part query;

	/** The words of the query with their postings in the segment being read. */
	private final Map<BytesRef, Word> words = new HashMap<>();

	private LeafReader segment;

	private SnippetOffsets(UHComponents components, Part query) {
		super(components);
		this.query = query;
	}

	/**
	 * Offsets for the components' query, or null when the query holds a part that is not
	 * understood here.
	 */
	static SnippetOffsets of(IndexSearcher searcher, UHComponents components) throws IOException {
		// As the weight matcher: the rewritten query, duplicate clauses merged.
		Part query = part(searcher.rewrite(components.getQuery()), components.getField());
		return (query != null) ? new SnippetOffsets(components, query) : null;
	}

	private static Part part(Query query, String field) {
		if (query instanceof BoostQuery boost) {
			return part(boost.getQuery(), field);
		}
		if (query instanceof TermQuery term) {
			return term.getTerm().field().equals(field) ? new Single(term.getTerm().bytes()) : null;
		}
		if (query instanceof PhraseQuery phrase) {
			Term[] terms = phrase.getTerms();
			if (phrase.getSlop() != 0 || terms.length < 2 || !phrase.getField().equals(field)) {
				return null;
			}
			BytesRef[] bytes = new BytesRef[terms.length];
			for (int i = 0; i < terms.length; i++) {
				bytes[i] = terms[i].bytes();
			}
			return new Phrase(bytes, phrase.getPositions(), label(bytes));
		}
		if (query instanceof BooleanQuery bool) {
			List<Part> required = new ArrayList<>();
			List<Part> optional = new ArrayList<>();
			for (BooleanClause clause : bool.clauses()) {
				Part part = part(clause.getQuery(), field);
				if (part == null) {
					return null;
				}
				switch (clause.getOccur()) {
					case MUST -> required.add(part);
					case SHOULD -> optional.add(part);
					default -> {
						return null;
					}
				}
			}
			if (!required.isEmpty() && !optional.isEmpty()) {
				return null;
			}
			if (!required.isEmpty()) {
				return new All(required);
			}
			return (bool.getMinimumNumberShouldMatch() <= 1 && !optional.isEmpty()) ? new Any(optional) : null;
		}
		return null;
	}

	/** A phrase's label, as the highlighter labels its matches: its words, spaced. */
	private static BytesRef label(BytesRef[] terms) {
		StringBuilder label = new StringBuilder();
		for (BytesRef term : terms) {
			label.append((label.length() > 0) ? " " : "").append(term.utf8ToString());
		}
		return new BytesRef(label);
	}

	@Override
	public UnifiedHighlighter.OffsetSource getOffsetSource() {
		return UnifiedHighlighter.OffsetSource.POSTINGS;
	}

	@Override
	public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
		if (reader != this.segment) {
			this.segment = reader;
			this.words.clear();
		}
		List<Match> matches = new ArrayList<>();
		if (!this.query.collect(this, docId, matches)) {
			return OffsetsEnum.EMPTY;
		}
		// The weight matcher's order: by start position, then the shorter first.
		matches.sort((a, b) -> (a.startPosition != b.startPosition) ? Integer.compare(a.startPosition, b.startPosition)
				: Integer.compare(a.endPosition, b.endPosition));
		return new Matches(matches);
	}

	/** The word's occurrences in the story, or null when the field does not hold it. */
	private Word word(BytesRef term, int doc) throws IOException {
		Word word = this.words.get(term);
		if (word == null) {
			word = new Word(term);
			this.words.put(term, word);
		}
		return word.at(this.segment, getField(), doc) ? word : null;
	}

	/** One occurrence of a word or phrase. */
	private record Match(int startPosition, int endPosition, int startOffset, int endOffset, BytesRef label) {
	}

	/**
	 * A word's postings in one segment, read forward, and its occurrences in one story.
	 */
	private static final class Word {

		private final BytesRef term;

		private boolean looked;

		private TermsEnum terms;

		private TermState state;

		private PostingsEnum postings;

		private int doc = -1;

		private boolean holds;

		private int[] positions = new int[8];

		private int[] starts = new int[8];

		private int[] ends = new int[8];

		private int freq;

		Word(BytesRef term) {
			this.term = term;
		}

		boolean at(LeafReader segment, String field, int doc) throws IOException {
			if (doc == this.doc) {
				return this.holds;
			}
			this.doc = doc;
			this.holds = false;
			if (!this.looked) {
				this.looked = true;
				Terms terms = segment.terms(field);
				this.terms = (terms != null) ? terms.iterator() : null;
				if (this.terms != null && this.terms.seekExact(this.term)) {
					this.state = this.terms.termState();
				}
			}
			if (this.state == null) {
				return false;
			}
			if (this.postings == null || this.postings.docID() > doc) {
				this.terms.seekExact(this.term, this.state);
				this.postings = this.terms.postings(this.postings, PostingsEnum.OFFSETS);
			}
			int at = this.postings.docID();
			if (at < doc) {
				at = this.postings.advance(doc);
			}
			if (at != doc || at == DocIdSetIterator.NO_MORE_DOCS) {
				return false;
			}
			this.freq = this.postings.freq();
			if (this.positions.length < this.freq) {
				this.positions = new int[this.freq];
				this.starts = new int[this.freq];
				this.ends = new int[this.freq];
			}
			for (int i = 0; i < this.freq; i++) {
				this.positions[i] = this.postings.nextPosition();
				this.starts[i] = this.postings.startOffset();
				this.ends[i] = this.postings.endOffset();
			}
			this.holds = true;
			return true;
		}

		/** The index of the occurrence at a position, or -1. */
		int find(int position) {
			int low = 0;
			int high = this.freq - 1;
			while (low <= high) {
				int mid = (low + high) >>> 1;
				if (this.positions[mid] < position) {
					low = mid + 1;
				}
				else if (this.positions[mid] > position) {
					high = mid - 1;
				}
				else {
					return mid;
				}
			}
			return -1;
		}

	}

	/** A part of the query: adds its matches in the story, if it matches there. */
	private sealed interface Part permits Single, Phrase, All, Any {

		boolean collect(SnippetOffsets offsets, int doc, List<Match> matches) throws IOException;

	}

	/** A word: each of its occurrences. */
	private record Single(BytesRef term) implements Part {

		@Override
		public boolean collect(SnippetOffsets offsets, int doc, List<Match> matches) throws IOException {
			Word word = offsets.word(this.term, doc);
			if (word == null) {
				return false;
			}
			for (int i = 0; i < word.freq; i++) {
				matches.add(new Match(word.positions[i], word.positions[i], word.starts[i], word.ends[i], this.term));
			}
			return true;
		}

	}

	/**
	 * An exact phrase: each place where its first word is followed by the others at their
	 * distances, as one span from the first word's start to the last one's end.
	 */
	private record Phrase(BytesRef[] terms, int[] positions, BytesRef label) implements Part {

		@Override
		public boolean collect(SnippetOffsets offsets, int doc, List<Match> matches) throws IOException {
			Word[] words = new Word[this.terms.length];
			for (int i = 0; i < words.length; i++) {
				words[i] = offsets.word(this.terms[i], doc);
				if (words[i] == null) {
					return false;
				}
			}
			int last = words.length - 1;
			boolean found = false;
			Word lead = words[0];
			for (int i = 0; i < lead.freq; i++) {
				int start = lead.positions[i] - this.positions[0];
				int end = -1;
				for (int w = 1; w < words.length; w++) {
					end = words[w].find(start + this.positions[w]);
					if (end < 0) {
						break;
					}
				}
				if (end >= 0) {
					matches.add(new Match(lead.positions[i], words[last].positions[end], lead.starts[i],
							words[last].ends[end], this.label));
					found = true;
				}
			}
			return found;
		}

	}

	/** Parts that must all match (a word analysis split in two): all their matches. */
	private record All(List<Part> parts) implements Part {

		@Override
		public boolean collect(SnippetOffsets offsets, int doc, List<Match> matches) throws IOException {
			int before = matches.size();
			for (Part part : this.parts) {
				if (!part.collect(offsets, doc, matches)) {
					matches.subList(before, matches.size()).clear();
					return false;
				}
			}
			return true;
		}

	}

	/** Parts any of which may match: the matches of each that does. */
	private record Any(List<Part> parts) implements Part {

		@Override
		public boolean collect(SnippetOffsets offsets, int doc, List<Match> matches) throws IOException {
			boolean any = false;
			for (Part part : this.parts) {
				any |= part.collect(offsets, doc, matches);
			}
			return any;
		}

	}

	/** The matches in the order the highlighter reads them. */
	private static final class Matches extends OffsetsEnum {

		private final List<Match> matches;

		private int at = -1;

		Matches(List<Match> matches) {
			this.matches = matches;
		}

		@Override
		public boolean nextPosition() {
			return ++this.at < this.matches.size();
		}

		@Override
		public int freq() {
			// What the weight matcher tells the passage scorer of every match.
			return 1;
		}

		@Override
		public BytesRef getTerm() {
			return this.matches.get(this.at).label();
		}

		@Override
		public int startOffset() {
			return this.matches.get(this.at).startOffset();
		}

		@Override
		public int endOffset() {
			return this.matches.get(this.at).endOffset();
		}

	}

}
