package org.gazette.migration;

import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader made safe for files from elsewhere: no DTD (so no external entities and
 * no entity expansion, the billion laughs), a limit on the text of one element and on how
 * deep elements nest. Every problem stops the import with the line and column where it
 * is.
 */
final class XmlCursor implements AutoCloseable {

	private final XMLStreamReader reader;

	private final int maxText;

	private final int maxDepth;

	private int depth;

	XmlCursor(InputStream in, int maxText, int maxDepth) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setXMLResolver((publicId, systemId, base, namespace) -> {
			throw new XMLStreamException(
					"The file refers to an external resource (" + systemId + "); Gazette never fetches those.");
		});
		try {
			this.reader = factory.createXMLStreamReader(in);
		}
		catch (XMLStreamException ex) {
			throw problem(ex);
		}
		this.maxText = maxText;
		this.maxDepth = maxDepth;
	}

	/**
	 * Moves to the next start or end tag, skipping text between tags; refuses a DTD and
	 * entity references.
	 * @return the event, or {@code END_DOCUMENT}
	 */
	int nextTag() {
		try {
			while (this.reader.hasNext()) {
				int event = this.reader.next();
				switch (event) {
					case XMLStreamConstants.START_ELEMENT -> {
						if (++this.depth > this.maxDepth) {
							throw fail(
									"Elements nest more than " + this.maxDepth + " deep; this is not an export file.");
						}
						return event;
					}
					case XMLStreamConstants.END_ELEMENT -> {
						this.depth--;
						return event;
					}
					case XMLStreamConstants.DTD -> throw fail(
							"The file has a DOCTYPE declaration, which exports never have and attacks use; remove it and try again.");
					case XMLStreamConstants.ENTITY_REFERENCE -> throw fail("The file uses the entity &"
							+ this.reader.getLocalName() + "; that it does not declare (and DOCTYPEs are refused).");
					default -> {
					}
				}
			}
			return XMLStreamConstants.END_DOCUMENT;
		}
		catch (XMLStreamException ex) {
			throw problem(ex);
		}
	}

	/**
	 * The text of the current element (which must be at its start tag), CDATA sections
	 * joined, child elements refused; leaves the cursor on its end tag.
	 */
	String text() {
		String element = this.reader.getPrefix().isEmpty() ? localName() : this.reader.getPrefix() + ":" + localName();
		int line = line();
		StringBuilder text = new StringBuilder();
		try {
			while (true) {
				int event = this.reader.next();
				switch (event) {
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (text.length() + this.reader.getTextLength() > this.maxText) {
							throw new ImportFailedException("Line " + line + ": the text of <" + element
									+ "> is longer than " + this.maxText + " characters, the limit for one field.");
						}
						text.append(this.reader.getTextCharacters(), this.reader.getTextStart(),
								this.reader.getTextLength());
					}
					case XMLStreamConstants.END_ELEMENT -> {
						this.depth--;
						return text.toString();
					}
					case XMLStreamConstants.START_ELEMENT -> {
						this.depth++;
						skip();
					}
					case XMLStreamConstants.ENTITY_REFERENCE -> throw fail("The file uses the entity &"
							+ this.reader.getLocalName() + "; that it does not declare (and DOCTYPEs are refused).");
					case XMLStreamConstants.END_DOCUMENT -> throw fail("The file ends inside <" + element + ">.");
					default -> {
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw problem(ex);
		}
	}

	/**
	 * Moves to the next element of this name, skipping any other on the way.
	 * @return false when the document or the enclosing element ended first
	 */
	boolean toNext(String name) {
		while (true) {
			int event = nextTag();
			if (event == XMLStreamConstants.END_DOCUMENT) {
				return false;
			}
			if (event == XMLStreamConstants.END_ELEMENT) {
				if (depth() < 1) {
					return false;
				}
				continue;
			}
			if (localName().equals(name)) {
				return true;
			}
			skip();
		}
	}

	/** Skips the current element (at its start tag) and all it holds. */
	void skip() {
		int target = this.depth - 1;
		while (this.depth > target) {
			if (nextTag() == XMLStreamConstants.END_DOCUMENT) {
				throw fail("The file ends inside an element.");
			}
		}
	}

	XMLStreamReader reader() {
		return this.reader;
	}

	String localName() {
		return this.reader.getLocalName();
	}

	String namespace() {
		String uri = this.reader.getNamespaceURI();
		return (uri != null) ? uri : "";
	}

	String attribute(String name) {
		return this.reader.getAttributeValue(null, name);
	}

	int depth() {
		return this.depth;
	}

	/** The longest text one field may have. */
	int maxText() {
		return this.maxText;
	}

	/** After reading a subtree through {@link #reader()} directly. */
	void adjustDepth(int depth) {
		this.depth = depth;
	}

	int line() {
		return this.reader.getLocation().getLineNumber();
	}

	ImportFailedException fail(String message) {
		Location at = this.reader.getLocation();
		return new ImportFailedException(
				"Line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + message);
	}

	/** The parser's complaint, with its place, in one line. */
	static ImportFailedException problem(XMLStreamException ex) {
		String message = ex.getMessage();
		int cut = (message != null) ? message.indexOf("Message: ") : -1;
		String what = (cut >= 0) ? message.substring(cut + 9) : String.valueOf(message);
		what = what.replaceAll("\\s+", " ").strip();
		Location at = ex.getLocation();
		String where = (at != null) ? "Line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " : "";
		return new ImportFailedException(where + "the file is not well-formed XML: " + what, ex);
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		catch (XMLStreamException ex) {
			// Closing releases nothing the input stream's owner does not close anyway.
		}
	}

}
