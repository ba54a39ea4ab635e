package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a story is laid out in the index: what each text field keeps in its postings, and
 * the body's text.
 */
class StoryDocumentTests {

	@Test
	void theHighlightedFieldsKeepOffsetsAndTheSpellingWordsKeepOnlyWhichStoriesHoldThem() {
		Document doc = StoryDocument.of(SearchIndexTests.story(1, "Ports Reopen", "Ports are open.",
				"All ports reopened today.", Instant.parse("2026-11-27T12:00:00Z")), ZoneId.of("UTC"));
		assertThat(options(doc, StoryDocument.SUMMARY))
			.isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		assertThat(options(doc, StoryDocument.BODY)).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		assertThat(options(doc, StoryDocument.TITLE)).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
		assertThat(options(doc, StoryDocument.SPELL)).isEqualTo(IndexOptions.DOCS);
		assertThat(doc.getField(StoryDocument.SPELL).fieldType().omitNorms()).isTrue();
		assertThat(doc.get(StoryDocument.BODY)).isEqualTo("All ports reopened today.");
		for (String field : StoryDocument.PAIRED) {
			IndexableField pairs = doc.getField(StoryDocument.pairs(field));
			assertThat(pairs.fieldType().indexOptions()).as(field).isEqualTo(IndexOptions.DOCS_AND_FREQS);
			assertThat(pairs.fieldType().omitNorms()).as(field).isFalse();
			assertThat(pairs.fieldType().stored()).as(field).isFalse();
		}
		for (String field : List.of(StoryDocument.TITLE, StoryDocument.SUMMARY, StoryDocument.BODY)) {
			assertThat(doc.getFields(field)).as(field).anyMatch((value) -> value.fieldType().stored());
		}
	}

	@Test
	void theBodysTextHasEachRunOfWhitespaceAsOneSpaceAsTheRegularExpressionGaveIt() {
		String[] bodies = { "<p>One  two</p>\n\n<p>three\tfour\r\nfive</p>", " \u000B\f lead and trail \n ",
				"<p>no\u00A0break&nbsp;space</p> <ul><li>a</li>\n<li>b</li></ul>", "", "<p></p>", "x" };
		for (String html : bodies) {
			assertThat(StoryDocument.plainText(html)).as(html).isEqualTo(regexPlainText(html)).doesNotContain("  ");
		}
	}

	@Test
	void theFieldOfAllWordsHoldsEachWordAndEachPairOfWordsWithTheStopWordsBetweenAsGaps() {
		Document doc = StoryDocument
			.of(SearchIndexTests.story(1, "Ports of the Gulf reopened, rest of the  world waits", "Summary.",
					"port and then if it rail", Instant.parse("2026-11-27T12:00:00Z")), ZoneId.of("UTC"));
		List<IndexableField> anywhere = List.of(doc.getFields(StoryDocument.WORDS_ANYWHERE));
		assertThat(anywhere).as("one value per field: title, summary, body, names").hasSize(4);
		assertThat(terms(anywhere.get(0))).containsExactly("port", "gulf", "port _ _ gulf", "reopen", "gulf reopen",
				"rest", "reopen rest", "world", "rest _ _ world", "wait", "world wait");
		assertThat(terms(anywhere.get(2))).as("three stop words apart: too far for a pair")
			.containsExactly("port", "rail");
		assertThat(terms(anywhere.get(3))).containsExactly("jane", "doe", "jane doe");
		assertThat(terms(doc.getField(StoryDocument.pairs(StoryDocument.TITLE)))).as("each field's pairs alone")
			.containsExactly("port _ _ gulf", "gulf reopen", "reopen rest", "rest _ _ world", "world wait");
		assertThat(WordPairFilter.pair("code", "practic", 2)).isEqualTo("code _ practic");
	}

	@Test
	void eachTextIsIndexedWithTheWordsPositionsAndOffsetsItsAnalyzerGives() {
		String body = "The café's  tariffs, and Customs’ e-manifest; O'Neil at AT&T — 2026 rules of the road.";
		Document doc = StoryDocument.of(
				SearchIndexTests.story(1, "Title", "Summary.", body, Instant.parse("2026-11-27T12:00:00Z")),
				ZoneId.of("UTC"));
		assertThat(tokens(doc.getField(StoryDocument.BODY).tokenStream(null, null)))
			.isEqualTo(tokens(StoryDocument.ANALYZER.tokenStream(StoryDocument.BODY, doc.get(StoryDocument.BODY))))
			.contains("cafe 2 4-10", "tariff 1 11-18");
		String allWords = "Title\nSummary.\n" + doc.get(StoryDocument.BODY) + "\nJane Doe";
		assertThat(tokens(doc.getField(StoryDocument.SPELL).tokenStream(null, null)))
			.isEqualTo(tokens(StoryDocument.ANALYZER.tokenStream(StoryDocument.SPELL, allWords)))
			.contains("the 1 15-18", "tariffs 1 26-33");
	}

	/** Each token as "term increment start-end". */
	private static List<String> tokens(TokenStream stream) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream tokenStream = stream) {
			CharTermAttribute term = tokenStream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = tokenStream.addAttribute(PositionIncrementAttribute.class);
			OffsetAttribute offset = tokenStream.addAttribute(OffsetAttribute.class);
			tokenStream.reset();
			while (tokenStream.incrementToken()) {
				tokens.add(term + " " + increment.getPositionIncrement() + " " + offset.startOffset() + "-"
						+ offset.endOffset());
			}
			tokenStream.end();
			tokens.add("end " + offset.endOffset());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static List<String> terms(IndexableField field) {
		return tokens(field.tokenStream(null, null)).stream()
			.filter((token) -> !token.startsWith("end "))
			.map((token) -> token.substring(0, token.lastIndexOf(' ', token.lastIndexOf(' ') - 1)))
			.toList();
	}

	private static IndexOptions options(Document doc, String field) {
		return doc.getField(field).fieldType().indexOptions();
	}

	/** What plainText did before: the HTML stripped, then a regular expression. */
	private static String regexPlainText(String html) {
		try (var text = new org.apache.lucene.analysis.charfilter.HTMLStripCharFilter(new java.io.StringReader(html))) {
			java.io.StringWriter out = new java.io.StringWriter();
			text.transferTo(out);
			return out.toString().replaceAll("\\s+", " ").strip();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
