package org.gazette.migration;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.springframework.web.util.HtmlUtils;

/**
 * Reads an RSS 2.0 or Atom feed entry by entry; every entry is a published story.
 */
final class FeedReader implements ItemSource {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private final XmlCursor xml;

	private final boolean atom;

	private String source;

	private boolean atItem;

	FeedReader(InputStream in, int maxText) {
		this.xml = new XmlCursor(in, maxText, 64);
		if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT) {
			throw new ImportFailedException("The file is empty: there is no XML in it.");
		}
		String root = this.xml.localName();
		if (root.equals("feed") && this.xml.namespace().equals(ATOM)) {
			this.atom = true;
		}
		else if (root.equals("rss")) {
			this.atom = false;
			if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT || !this.xml.localName().equals("channel")) {
				throw this.xml.fail("An RSS feed has a <channel> inside <rss>; this one does not.");
			}
		}
		else {
			throw this.xml.fail("The file's root element is <" + root + ">, not an RSS 2.0 <rss> or an Atom <feed>.");
		}
		readHead();
	}

	private void readHead() {
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String name = this.xml.localName();
			if (name.equals(this.atom ? "entry" : "item")) {
				this.atItem = true;
				return;
			}
			if (this.xml.namespace().startsWith("http://wordpress.org/export/")) {
				throw new ImportFailedException("This is a WordPress export; use import-wxr for it.");
			}
			if (this.atom && name.equals("id")) {
				this.source = this.xml.text().strip();
			}
			else if (this.atom && name.equals("link") && this.source == null
					&& "alternate".equals(orDefault(this.xml.attribute("rel"), "alternate"))) {
				this.source = this.xml.attribute("href");
				this.xml.skip();
			}
			else if (!this.atom && name.equals("link") && this.xml.namespace().isEmpty()) {
				this.source = this.xml.text().strip();
			}
			else {
				this.xml.skip();
			}
		}
	}

	@Override
	public String source() {
		return (this.source != null && !this.source.isBlank()) ? this.source.strip() : "feed";
	}

	@Override
	public String description() {
		return this.atom ? "Atom feed" : "RSS feed";
	}

	@Override
	public SourceItem next() {
		if (!this.atItem && !this.xml.toNext(this.atom ? "entry" : "item")) {
			return null;
		}
		this.atItem = false;
		return this.atom ? readEntry() : readItem();
	}

	private SourceItem readItem() {
		int line = this.xml.line();
		String id = null;
		String title = null;
		String link = null;
		String description = null;
		String content = null;
		Instant date = null;
		List<SourceItem.Person> authors = new ArrayList<>();
		List<SourceItem.Term> categories = new ArrayList<>();
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String name = this.xml.localName();
			String ns = this.xml.namespace();
			switch (ns.isEmpty() ? name : ns + "|" + name) {
				case "guid" -> id = WxrReader.trimmed(this.xml.text());
				case "title" -> title = WxrReader.trimmed(this.xml.text());
				case "link" -> link = WxrReader.trimmed(this.xml.text());
				case "description" -> description = this.xml.text();
				case "http://purl.org/rss/1.0/modules/content/|encoded" -> content = this.xml.text();
				case "pubDate" -> date = rfc1123(this.xml.text());
				case "http://purl.org/dc/elements/1.1/|date" -> date = (date != null) ? date : iso(this.xml.text());
				case "author", "http://purl.org/dc/elements/1.1/|creator" -> person(this.xml.text(), authors);
				case "category" -> {
					String text = WxrReader.trimmed(this.xml.text());
					if (text != null) {
						categories.add(new SourceItem.Term(text, null));
					}
				}
				default -> this.xml.skip();
			}
		}
		String body = (content != null) ? content : orDefault(description, "");
		String summary = (content != null) ? description : null;
		return new SourceItem((id != null) ? id : link, "post", SourceStatus.PUBLISH, title, null, link, id, date,
				authors, categories, List.of(), body, summary, null, null, null, 0, line, null);
	}

	private SourceItem readEntry() {
		int line = this.xml.line();
		String id = null;
		String title = null;
		String link = null;
		String summary = null;
		String content = null;
		Instant published = null;
		Instant updated = null;
		List<SourceItem.Person> authors = new ArrayList<>();
		List<SourceItem.Term> categories = new ArrayList<>();
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (this.xml.namespace().equals(ATOM) ? this.xml.localName() : "") {
				case "id" -> id = WxrReader.trimmed(this.xml.text());
				case "title" -> title = WxrReader.trimmed(textual(false));
				case "link" -> {
					if ("alternate".equals(orDefault(this.xml.attribute("rel"), "alternate"))) {
						link = this.xml.attribute("href");
					}
					this.xml.skip();
				}
				case "summary" -> summary = textual(false);
				case "content" -> content = textual(true);
				case "published" -> published = iso(this.xml.text());
				case "updated" -> updated = iso(this.xml.text());
				case "author" -> {
					while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
						if (this.xml.localName().equals("name")) {
							person(this.xml.text(), authors);
						}
						else {
							this.xml.skip();
						}
					}
				}
				case "category" -> {
					String term = WxrReader.trimmed(orDefault(this.xml.attribute("label"), this.xml.attribute("term")));
					if (term != null) {
						categories.add(new SourceItem.Term(term, null));
					}
					this.xml.skip();
				}
				default -> this.xml.skip();
			}
		}
		return new SourceItem((id != null) ? id : link, "post", SourceStatus.PUBLISH, title, null, link, id,
				(published != null) ? published : updated, authors, categories, List.of(),
				(content != null) ? content : orDefault(summary, ""), (content != null) ? summary : null, null, null,
				null, 0, line, null);
	}

	/**
	 * An Atom text construct as HTML: {@code html} as it is, {@code text} escaped, and
	 * {@code xhtml} serialised from its elements.
	 */
	private String textual(boolean html) {
		String type = orDefault(this.xml.attribute("type"), "text");
		if (type.equals("xhtml")) {
			return xhtml();
		}
		String text = this.xml.text();
		if (type.equals("html")) {
			return html ? text : HtmlUtils.htmlUnescape(text.replaceAll("<[^>]*>", ""));
		}
		return html ? HtmlUtils.htmlEscape(text) : text;
	}

	private String xhtml() {
		XMLStreamReader reader = this.xml.reader();
		StringBuilder out = new StringBuilder();
		int start = this.xml.depth();
		try {
			while (true) {
				int event = reader.next();
				switch (event) {
					case XMLStreamConstants.START_ELEMENT -> {
						out.append('<').append(reader.getLocalName());
						for (int i = 0; i < reader.getAttributeCount(); i++) {
							out.append(' ')
								.append(reader.getAttributeLocalName(i))
								.append("=\"")
								.append(HtmlUtils.htmlEscape(reader.getAttributeValue(i)))
								.append('"');
						}
						out.append('>');
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (reader.getLocalName().equals("content") && reader.getNamespaceURI().equals(ATOM)) {
							this.xml.adjustDepth(start - 1);
							return out.toString();
						}
						out.append("</").append(reader.getLocalName()).append('>');
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
						out.append(HtmlUtils.htmlEscape(reader.getText()));
						if (out.length() > this.xml.maxText()) {
							throw this.xml.fail("The text of <content> is longer than " + this.xml.maxText()
									+ " characters, the limit for one field.");
						}
					}
					case XMLStreamConstants.END_DOCUMENT -> throw this.xml.fail("The file ends inside <content>.");
					default -> {
					}
				}
			}
		}
		catch (javax.xml.stream.XMLStreamException ex) {
			throw XmlCursor.problem(ex);
		}
	}

	private static void person(String text, List<SourceItem.Person> authors) {
		String value = WxrReader.trimmed(text);
		if (value == null) {
			return;
		}
		// RSS's <author> is "jane@agency.gov (Jane Doe)": the name is in parentheses.
		int open = value.indexOf('(');
		if (value.contains("@") && open > 0 && value.endsWith(")")) {
			value = value.substring(open + 1, value.length() - 1).strip();
		}
		authors.add(new SourceItem.Person(value, value));
	}

	private static Instant rfc1123(String text) {
		try {
			return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Instant iso(String text) {
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	@Override
	public void close() {
		this.xml.close();
	}

}
