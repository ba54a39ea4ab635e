package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into a Lucene query: each word or phrase must match in the
 * title (weighted 3), the summary (2), the body (1) or an author's name (2), BM25 scoring
 * each; the words together as a phrase, or near each other, score higher
 * ({@link #proximity}).
 */
final class QueryBuilder {

	private static final String[] FIELDS = { StoryDocument.TITLE, StoryDocument.SUMMARY, StoryDocument.BODY,
			StoryDocument.BYLINE };

	private static final float[] WEIGHTS = { 3f, 2f, 1f, 2f };

	private final Analyzer analyzer;

	QueryBuilder(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	/**
	 * The query for the words alone, without filters; null when nothing searchable was
	 * typed.
	 */
	Query build(UserQuery query) {
		return build(query, false);
	}

	/**
	 * A query finding the same stories as {@link #build}, unscored, for counting them:
	 * each single word is looked up once in {@link StoryDocument#WORDS_ANYWHERE}, where
	 * the scored query asks the four fields; phrases and words that analysis split in two
	 * must still match within one field, so they are asked as in {@link #build}.
	 */
	Query matching(UserQuery query) {
		return build(query, true);
	}

	private Query build(UserQuery query, boolean unscored) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		boolean positive = false;
		for (List<UserQuery.Clause> group : query.groups()) {
			List<Query> alternatives = new ArrayList<>();
			for (UserQuery.Clause clause : group) {
				Query q = clause(clause, unscored);
				if (q != null) {
					alternatives.add(q);
				}
			}
			if (alternatives.size() == 1) {
				builder.add(alternatives.get(0), Occur.MUST);
				positive = true;
			}
			else if (alternatives.size() > 1) {
				BooleanQuery.Builder any = new BooleanQuery.Builder();
				alternatives.forEach((alternative) -> any.add(alternative, Occur.SHOULD));
				builder.add(any.build(), Occur.MUST);
				positive = true;
			}
		}
		boolean negative = false;
		for (UserQuery.Clause clause : query.excluded()) {
			// Never scored: a word excluded is looked up once, in the field of all words,
			// which holds it exactly where one of the four fields does.
			Query q = clause(clause, true);
			if (q != null) {
				builder.add(q, Occur.MUST_NOT);
				negative = true;
			}
		}
		if (!positive && !negative) {
			return null;
		}
		if (!positive) {
			builder.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		return builder.build();
	}

	/**
	 * Whether finding the stories means checking words' positions (a quoted phrase of
	 * more than two words), story by story: such a query is cheaper scored once, while
	 * counting, than counted and then ranked in a second pass. A phrase of two words is
	 * counted by its pair, as a word is.
	 */
	boolean checksPositions(UserQuery query) {
		for (List<UserQuery.Clause> group : query.groups()) {
			for (UserQuery.Clause clause : group) {
				if (checksPositions(clause)) {
					return true;
				}
			}
		}
		for (UserQuery.Clause clause : query.excluded()) {
			if (checksPositions(clause)) {
				return true;
			}
		}
		return false;
	}

	/** A phrase of more words than one pair ({@link WordPairFilter}) holds. */
	private boolean checksPositions(UserQuery.Clause clause) {
		if (!clause.phrase()) {
			return false;
		}
		List<Token> tokens = tokens(clause.text());
		return tokens.size() > 1 && onePair(tokens) == null;
	}

	/**
	 * The one pair term ({@link WordPairFilter}) a phrase of two words is found by
	 * exactly, without reading positions; null for a phrase of more words, or of two
	 * further apart than a pair's.
	 */
	private static String onePair(List<Token> tokens) {
		return (tokens.size() == 2) ? pair(tokens.get(0), tokens.get(1)) : null;
	}

	/**
	 * The pair term ({@link WordPairFilter}) of two words of a phrase, one after the
	 * other; null when they are further apart than a pair's.
	 */
	private static String pair(Token first, Token second) {
		int gap = second.position() - first.position();
		return (gap <= WordPairFilter.LONGEST_GAP) ? WordPairFilter.pair(first.term(), second.term(), gap) : null;
	}

	/**
	 * What lifts the stories holding the words together above those holding them apart:
	 * the words as a phrase in the title or the body, or near each other in the body;
	 * null for fewer than two words. Its score adds to the words' score of each story
	 * that {@link #build} found, as would a clause that may match; it is kept apart so
	 * that it is scored for the best hits only (a phrase's positions are read for every
	 * story it scores).
	 */
	Query proximity(UserQuery query) {
		List<Token> words = tokens(String.join(" ", query.positiveWords()));
		if (words.size() < 2) {
			return null;
		}
		return new BooleanQuery.Builder().add(new BoostQuery(phrase(StoryDocument.TITLE, words, 0), 2f), Occur.SHOULD)
			.add(new BoostQuery(phrase(StoryDocument.BODY, words, 0), 1.5f), Occur.SHOULD)
			.add(phrase(StoryDocument.BODY, words, 4), Occur.SHOULD)
			.build();
	}

	private Query clause(UserQuery.Clause clause, boolean unscored) {
		List<Token> tokens = tokens(clause.text());
		List<String> terms = tokens.stream().map(Token::term).toList();
		if (terms.isEmpty()) {
			return null;
		}
		if (unscored && terms.size() == 1) {
			return new TermQuery(new Term(StoryDocument.WORDS_ANYWHERE, terms.get(0)));
		}
		String pair = clause.phrase() ? onePair(tokens) : null;
		if (unscored && pair != null) {
			return new TermQuery(new Term(StoryDocument.WORDS_ANYWHERE, pair));
		}
		List<Query> perField = new ArrayList<>();
		for (int i = 0; i < FIELDS.length; i++) {
			Query inField = (pair != null) ? new TermQuery(new Term(StoryDocument.pairs(FIELDS[i]), pair))
					: inField(FIELDS[i], clause, tokens);
			perField.add(new BoostQuery(inField, WEIGHTS[i]));
		}
		Query anyField = new DisjunctionMaxQuery(perField, 0.1f);
		return (clause.phrase() && pair == null) ? withPairs(anyField, tokens) : anyField;
	}

	/**
	 * A phrase's query, found only in the stories that hold each pair of its words
	 * ({@link WordPairFilter}): those pairs' postings lists lead, and the phrase's
	 * positions are read in the stories holding them all. Scores are the phrase's own. A
	 * phrase matches where each word follows the one before with the stop words typed
	 * between them and no other word, as a phrase of two words matches by its pair.
	 */
	private static Query withPairs(Query phrase, List<Token> tokens) {
		BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(phrase, Occur.MUST);
		boolean some = false;
		for (int i = 1; i < tokens.size(); i++) {
			String pair = pair(tokens.get(i - 1), tokens.get(i));
			if (pair != null) {
				filtered.add(new TermQuery(new Term(StoryDocument.WORDS_ANYWHERE, pair)), Occur.FILTER);
				some = true;
			}
		}
		return some ? filtered.build() : phrase;
	}

	/**
	 * What the highlighter looks for in one field of a story that {@link #build} found:
	 * each word or phrase typed as it is asked of that field. The words' query would mark
	 * the same matches in that field; this one spares the highlighter looking the words
	 * up in the other three fields for every story it highlights. Null when no word is
	 * asked for (the highlighter then gets the words' query).
	 */
	Query highlighted(UserQuery query, String field) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		boolean some = false;
		for (List<UserQuery.Clause> group : query.groups()) {
			for (UserQuery.Clause clause : group) {
				List<Token> tokens = tokens(clause.text());
				if (!tokens.isEmpty()) {
					any.add(inField(field, clause, tokens), Occur.SHOULD);
					some = true;
				}
			}
		}
		return some ? any.build() : null;
	}

	/** A word or phrase typed, asked of one field. */
	private static Query inField(String field, UserQuery.Clause clause, List<Token> tokens) {
		if (tokens.size() == 1) {
			return new TermQuery(new Term(field, tokens.get(0).term()));
		}
		if (clause.phrase()) {
			return phrase(field, tokens, 0);
		}
		// A token that analysis split in two ("e-manifest") must match all its parts.
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		tokens.forEach((token) -> all.add(new TermQuery(new Term(field, token.term())), Occur.MUST));
		return all.build();
	}

	/**
	 * The terms at their analyzed positions: a dropped stop word leaves a gap, as it does
	 * in the index, so "port of savannah" matches the text "Port of Savannah".
	 */
	private static Query phrase(String field, List<Token> tokens, int slop) {
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		tokens.forEach((token) -> phrase.add(new Term(field, token.term()), token.position()));
		return phrase.setSlop(slop).build();
	}

	/**
	 * The indexed terms of some text with their positions, as the title, summary and body
	 * fields analyze it.
	 */
	private List<Token> tokens(String text) {
		List<Token> terms = new ArrayList<>();
		try (TokenStream tokens = this.analyzer.tokenStream(StoryDocument.BODY, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
			tokens.reset();
			int position = -1;
			while (tokens.incrementToken() && terms.size() < 32) {
				position += increment.getPositionIncrement();
				terms.add(new Token(term.toString(), position));
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	/** An analyzed term and its position, counting the stop words removed before it. */
	private record Token(String term, int position) {
	}

}
