package org.gazette.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English text as readers search it: case and diacritics folded ("Customs" finds
 * "customs", "café" finds "cafe"), possessives and stop words dropped, words stemmed
 * ("tariff" finds "tariffs"). {@link #unstemmed} keeps whole words, for spelling
 * suggestions; {@link #withPairs} adds each word with the one before it as one term, and
 * {@link #pairsOnly} keeps those pairs alone (see {@link WordPairFilter}).
 */
final class StoryAnalyzer extends Analyzer {

	private final boolean stem;

	private final boolean pairs;

	private final boolean words;

	private StoryAnalyzer(boolean stem, boolean pairs, boolean words) {
		this.stem = stem;
		this.pairs = pairs;
		this.words = words;
	}

	static StoryAnalyzer stemmed() {
		return new StoryAnalyzer(true, false, true);
	}

	static StoryAnalyzer unstemmed() {
		return new StoryAnalyzer(false, false, true);
	}

	static StoryAnalyzer withPairs() {
		return new StoryAnalyzer(true, true, true);
	}

	static StoryAnalyzer pairsOnly() {
		return new StoryAnalyzer(true, true, false);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer source = new StandardTokenizer();
		TokenStream tokens = new EnglishPossessiveFilter(source);
		tokens = new LowerCaseFilter(tokens);
		tokens = new ASCIIFoldingFilter(tokens);
		if (this.stem) {
			tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
			tokens = new PorterStemFilter(tokens);
		}
		if (this.pairs) {
			tokens = new WordPairFilter(tokens, this.words);
		}
		return new TokenStreamComponents(source, tokens);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new ASCIIFoldingFilter(new LowerCaseFilter(in));
	}

}
