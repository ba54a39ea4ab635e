package org.gazette.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Accepts a PDF only if it is one: it must start with the PDF header, end with the
 * end-of-file marker, parse, and carry nothing active. Every object is looked at
 * (including those inside compressed object streams): JavaScript, launch and other
 * actions that run or open something, embedded files, XFA forms and rich media are
 * refused. PDFs are stored as uploaded; there is no safe way to re-write them.
 */
final class PdfCheck {

	/** Action types that run code, open programs or other files, or play rich media. */
	private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
			COSName.getPDFName("ImportData"), COSName.getPDFName("RichMediaExecute"), COSName.getPDFName("GoToE"),
			COSName.getPDFName("Rendition"), COSName.getPDFName("Movie"), COSName.getPDFName("Sound"));

	/** Keys that carry code, attached files or active content wherever they appear. */
	private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
			COSName.getPDFName("EF"), COSName.getPDFName("XFA"), COSName.getPDFName("RichMediaContent"));

	private static final int MAX_DEPTH = 64;

	private PdfCheck() {
	}

	static void check(Path file) throws IOException {
		if (!endsWithEofMarker(file)) {
			throw InvalidMediaException.file("The PDF is incomplete: it does not end as a PDF must. "
					+ "Save or export it again and upload the new file.");
		}
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			COSDocument cos = document.getDocument();
			if (document.getNumberOfPages() < 1) {
				throw unreadable();
			}
			for (COSObjectKey key : cos.getXrefTable().keySet()) {
				COSObject object = cos.getObjectFromPool(key);
				if (object != null && isActive(object.getObject(), 0)) {
					throw InvalidMediaException.file("The PDF contains scripts, attached files or actions that open "
							+ "other programs, which the library does not accept. Save it again without them "
							+ "(for example with “Print to PDF”) and upload the new file.");
				}
			}
		}
		catch (InvalidPasswordException ex) {
			throw InvalidMediaException.file("The PDF is protected by a password, so it cannot be checked. "
					+ "Remove the password and upload it again.");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidMediaException invalid) {
				throw invalid;
			}
			throw unreadable();
		}
	}

	private static InvalidMediaException unreadable() {
		return InvalidMediaException.file("The file starts like a PDF document but could not be read as one: "
				+ "it may be damaged. Export it again and upload the new file.");
	}

	private static boolean isActive(COSBase base, int depth) {
		if (depth > MAX_DEPTH) {
			return true;
		}
		if (base instanceof COSDictionary dictionary) {
			for (COSName key : dictionary.keySet()) {
				if (ACTIVE_KEYS.contains(key)) {
					return true;
				}
			}
			if (dictionary.getCOSName(COSName.S) != null && ACTIVE_ACTIONS.contains(dictionary.getCOSName(COSName.S))) {
				return true;
			}
			if (COSName.getPDFName("EmbeddedFile").equals(dictionary.getCOSName(COSName.TYPE))) {
				return true;
			}
			for (COSBase value : dictionary.getValues()) {
				// Indirect objects are looked at on their own; only what is written
				// inline
				// here is followed.
				if (!(value instanceof COSObject) && isActive(value, depth + 1)) {
					return true;
				}
			}
		}
		else if (base instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				COSBase value = array.get(i);
				if (!(value instanceof COSObject) && isActive(value, depth + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean endsWithEofMarker(Path file) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			int tail = (int) Math.min(1024, in.length());
			byte[] bytes = new byte[tail];
			in.seek(in.length() - tail);
			in.readFully(bytes);
			return new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF");
		}
	}

}
