package org.gazette.search;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
		assertThat(doc.getFields(StoryDocument.WORDS_ANYWHERE)).as("one value per field").hasSize(4);
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
		assertThat(terms(StoryDocument.WORDS_ANYWHERE, "Ports of the Gulf reopened, rest of the  world waits"))
			.containsExactly("port", "gulf", "port _ _ gulf", "reopen", "gulf reopen", "rest", "reopen rest", "world",
					"rest _ _ world", "wait", "world wait");
		// Three stop words apart: too far for a pair.
		assertThat(terms(StoryDocument.WORDS_ANYWHERE, "port and then if it rail")).containsExactly("port", "rail");
		assertThat(terms(StoryDocument.BODY, "Ports reopened")).as("other fields hold words only")
			.containsExactly("port", "reopen");
		assertThat(terms(StoryDocument.pairs(StoryDocument.BODY), "Ports of the Gulf reopened"))
			.as("each field's pairs alone")
			.containsExactly("port _ _ gulf", "gulf reopen");
		assertThat(WordPairFilter.pair("code", "practic", 2)).isEqualTo("code _ practic");
	}

	private static java.util.List<String> terms(String field, String text) {
		java.util.List<String> terms = new java.util.ArrayList<>();
		try (SearchIndex index = new SearchIndex(Path.of("unused"), ZoneId.of("UTC"));
				TokenStream tokens = index.analyzer().tokenStream(field, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				terms.add(term.toString());
			}
			tokens.end();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return terms;
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
