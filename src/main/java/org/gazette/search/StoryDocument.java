package org.gazette.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.gazette.publishing.Byline;
import org.gazette.publishing.IndexableStory;
import org.gazette.publishing.TopicLink;

/**
 * How a story is laid out in the index: field names and the document built from a story.
 */
final class StoryDocument {

	static final String ID = "id";

	static final String SLUG = "slug";

	static final String TITLE = "title";

	static final String SUMMARY = "summary";

	static final String BODY = "body";

	static final String SPELL = "spell";

	/**
	 * Every word of the title, summary, body and bylines in one field, for finding and
	 * counting the stories that hold a word: one postings list per word where the four
	 * fields scored are four. Also each word with the one before it as one term
	 * ({@link WordPairFilter}), which a quoted phrase is looked up by before its words'
	 * positions are read. Which stories only, as for {@link #SPELL}.
	 */
	static final String WORDS_ANYWHERE = "anywhere";

	/**
	 * What a hit shows (slug, title, type, release, bylines and summary) in one binary
	 * doc value: a page reads it without decompressing its stories' stored fields, most
	 * of which is the body (that decompression was a seventh of a search's time).
	 */
	static final String SHOWN = "shown";

	static final String RELEASE = "release";

	static final String BYLINE = "byline";

	/** The fields a phrase is searched in, each with its {@link #pairs} field. */
	static final List<String> PAIRED = List.of(TITLE, SUMMARY, BODY, BYLINE);

	static final String TYPE = "type";

	static final String TOPIC = "topic";

	static final String AUTHOR = "author";

	static final String YEAR = "year";

	static final FacetsConfig FACETS = facets();

	/**
	 * How each text field is analyzed, for indexing and for queries: stemmed, but for the
	 * spelling field. A story's texts are analyzed once each, where its document is laid
	 * out (see {@link AnalyzedText}).
	 */
	static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(new StoryAnalyzer(true),
			Map.of(SPELL, new StoryAnalyzer(false)));

	/** The title's words with their positions, for phrases. */
	private static final FieldType TITLE_WORDS = TextField.TYPE_NOT_STORED;

	/**
	 * Text whose postings keep each word's offsets, so that the snippet of a hit is cut
	 * from the stored text without analyzing it again. For the body this costs a fifth of
	 * the index and a tenth of the build's CPU, and saves searches a fifth of theirs
	 * (bench/README.md, "Search": analyzing again the bodies of the shown hits whose
	 * summary holds none of the words).
	 */
	private static final FieldType HIGHLIGHTED = highlighted();

	/**
	 * Every word of a story unstemmed, for spelling suggestions, which need only which
	 * stories hold a word: no frequencies, positions or norms (they were a fifth of the
	 * index, and of the postings the build writes).
	 */
	private static final FieldType WORDS = words();

	/**
	 * A field's pairs of words ({@link WordPairFilter}), with their frequencies and the
	 * field's length: a phrase of two words is ranked by its pair as a word is ranked,
	 * and Lucene skips the stories whose best possible score cannot reach the page, where
	 * a phrase's positions had to be read in every story holding it.
	 */
	private static final FieldType PAIRS = pairs();

	private StoryDocument() {
	}

	static Document of(IndexableStory story, ZoneId zone) {
		Document doc = new Document();
		String body = plainText(story.bodyHtml());
		doc.add(new StringField(ID, Long.toString(story.id()), Field.Store.YES));
		doc.add(new StoredField(SLUG, story.slug()));
		// Authors' names are known words too (so "Kowalczik" is corrected to the
		// author's name), and a phrase may name an author.
		String names = String.join("\n", story.bylines().stream().map(Byline::name).toList());
		String[] texts = { story.title(), story.summary(), body, names };
		for (int i = 0; i < texts.length; i++) {
			String field = PAIRED.get(i);
			AnalyzedText words = AnalyzedText.of(ANALYZER, field, texts[i]);
			if (!field.equals(BYLINE)) {
				doc.add(new Field(field, words.tokens(), field.equals(TITLE) ? TITLE_WORDS : HIGHLIGHTED));
				doc.add(new StoredField(field, texts[i]));
			}
			doc.add(new Field(pairs(field), new WordPairFilter(words.tokens(), false), PAIRS));
			// One value per field: no pair of words spans two fields (the names are one
			// value, as in the byline field, where a phrase may run from one name on to
			// the next).
			doc.add(new Field(WORDS_ANYWHERE, new WordPairFilter(words.tokens(), true), WORDS));
		}
		String allWords = String.join("\n", texts);
		doc.add(new Field(SPELL, AnalyzedText.of(ANALYZER, SPELL, allWords).tokens(), WORDS));
		long release = story.releaseAt().toEpochMilli();
		doc.add(new BinaryDocValuesField(SHOWN, shown(story, release)));
		doc.add(new LongPoint(RELEASE, release));
		doc.add(new NumericDocValuesField(RELEASE, release));
		doc.add(new StoredField(RELEASE, release));
		doc.add(new StringField(TYPE, story.type().code(), Field.Store.YES));
		doc.add(new SortedSetDocValuesFacetField(TYPE, story.type().code()));
		for (Byline byline : story.bylines()) {
			// Indexed as well as stored: readers search for a reporter by name.
			doc.add(new TextField(BYLINE, byline.name(), Field.Store.YES));
			doc.add(new StringField(AUTHOR, byline.slug(), Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField(AUTHOR, byline.slug()));
		}
		for (TopicLink topic : story.topics()) {
			doc.add(new StringField(TOPIC, topic.slug(), Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField(TOPIC, topic.slug()));
		}
		String year = Integer.toString(story.releaseAt().atZone(zone).getYear());
		doc.add(new StringField(YEAR, year, Field.Store.NO));
		doc.add(new SortedSetDocValuesFacetField(YEAR, year));
		try {
			return FACETS.build(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BytesRef shown(IndexableStory story, long release) {
		try {
			ByteBuffersDataOutput out = new ByteBuffersDataOutput();
			out.writeString(story.slug());
			out.writeString(story.title());
			out.writeString(story.type().code());
			out.writeLong(release);
			out.writeVInt(story.bylines().size());
			for (Byline byline : story.bylines()) {
				out.writeString(byline.name());
			}
			out.writeString(story.summary());
			return new BytesRef(out.toArrayCopy());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What each of the stories shows, as the stored fields {@link #SLUG}, {@link #TITLE},
	 * {@link #TYPE}, {@link #RELEASE}, {@link #BYLINE} and {@link #SUMMARY} would give
	 * it, by document id.
	 */
	static Map<Integer, Document> shown(IndexReader reader, int[] docs) throws IOException {
		int[] sorted = docs.clone();
		Arrays.sort(sorted);
		Map<Integer, Document> shown = new HashMap<>();
		List<LeafReaderContext> leaves = reader.leaves();
		BinaryDocValues values = null;
		int leaf = -1;
		for (int doc : sorted) {
			int at = ReaderUtil.subIndex(doc, leaves);
			if (at != leaf) {
				leaf = at;
				values = DocValues.getBinary(leaves.get(at).reader(), SHOWN);
			}
			if (shown.containsKey(doc) || !values.advanceExact(doc - leaves.get(at).docBase)) {
				continue;
			}
			BytesRef bytes = values.binaryValue();
			ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
			Document document = new Document();
			document.add(new StoredField(SLUG, in.readString()));
			document.add(new StoredField(TITLE, in.readString()));
			document.add(new StoredField(TYPE, in.readString()));
			document.add(new StoredField(RELEASE, in.readLong()));
			for (int bylines = in.readVInt(); bylines > 0; bylines--) {
				document.add(new StoredField(BYLINE, in.readString()));
			}
			document.add(new StoredField(SUMMARY, in.readString()));
			shown.put(doc, document);
		}
		return shown;
	}

	/** The text of sanitized body HTML, entities decoded, for indexing and snippets. */
	static String plainText(String html) {
		try (HTMLStripCharFilter text = new HTMLStripCharFilter(new StringReader(html))) {
			StringBuilder out = new StringBuilder(html.length());
			char[] buffer = new char[4096];
			for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
				out.append(buffer, 0, n);
			}
			return collapseWhitespace(out).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Each run of whitespace as one space, as {@code replaceAll("\\s+", " ")} does,
	 * without a regular expression (it took 6% of the build thread's time).
	 */
	private static String collapseWhitespace(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
				space = true;
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		if (space) {
			out.append(' ');
		}
		return out.toString();
	}

	private static FieldType words() {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS);
		type.setOmitNorms(true);
		type.freeze();
		return type;
	}

	/** The field holding a text field's pairs of words ({@link WordPairFilter}). */
	static String pairs(String field) {
		return field + ".pairs";
	}

	private static FieldType pairs() {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		type.freeze();
		return type;
	}

	private static FieldType highlighted() {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	private static FacetsConfig facets() {
		FacetsConfig config = new FacetsConfig();
		config.setMultiValued(AUTHOR, true);
		config.setMultiValued(TOPIC, true);
		return config;
	}

}
