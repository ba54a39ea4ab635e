package org.gazette.search;

import java.time.Instant;
import java.time.ZoneId;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
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
	}

	@Test
	void theBodysTextHasEachRunOfWhitespaceAsOneSpaceAsTheRegularExpressionGaveIt() {
		String[] bodies = { "<p>One  two</p>\n\n<p>three\tfour\r\nfive</p>", " \u000B\f lead and trail \n ",
				"<p>no\u00A0break&nbsp;space</p> <ul><li>a</li>\n<li>b</li></ul>", "", "<p></p>", "x" };
		for (String html : bodies) {
			assertThat(StoryDocument.plainText(html)).as(html).isEqualTo(regexPlainText(html)).doesNotContain("  ");
		}
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
