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
 * ("tariff" finds "tariffs"). With {@code stem} off it keeps whole words, for spelling
 * suggestions.
 */
final class StoryAnalyzer extends Analyzer {

	private final boolean stem;

	StoryAnalyzer(boolean stem) {
		this.stem = stem;
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
		return new TokenStreamComponents(source, tokens);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new ASCIIFoldingFilter(new LowerCaseFilter(in));
	}

}
