package org.gazette.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What a file name and an item's details must be. */
final class MediaRules {

	static final int FILE_NAME_MAX = 255;

	static final int TITLE_MAX = 300;

	static final int ALT_MAX = 1000;

	static final int CAPTION_MAX = 2000;

	static final int CREDIT_MAX = 300;

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private MediaRules() {
	}

	/**
	 * The name as uploaded, refused when it is not a plain file name: folders,
	 * {@code ..}, control characters and over-long names are the marks of a crafted
	 * request, not of a file someone picked.
	 */
	static String checkFileName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			throw InvalidMediaException.file("Choose a file to upload.");
		}
		if (fileName.length() > FILE_NAME_MAX) {
			throw InvalidMediaException.file("The file name is longer than " + FILE_NAME_MAX
					+ " characters. Rename the file and upload it again.");
		}
		if (fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")
				|| CONTROL.matcher(fileName).find() || fileName.strip().startsWith(".")) {
			throw InvalidMediaException.file("The file name must be a plain name such as photo.jpg, without folders, "
					+ "“..” or control characters. Rename the file and upload it again.");
		}
		return fileName.strip();
	}

	/** The details to store for an item of this kind, or every problem with them. */
	static MediaDetails checkDetails(MediaKind kind, MediaDetails details, String fileName) {
		Map<String, String> problems = new LinkedHashMap<>();
		String title = details.title();
		if (title.isEmpty() && kind == MediaKind.IMAGE) {
			int dot = fileName.lastIndexOf('.');
			title = (dot > 0) ? fileName.substring(0, dot) : fileName;
		}
		if (title.isEmpty()) {
			problems.put("title", "Enter a title: readers see it as the link to the document.");
		}
		length(problems, "title", "Title", title, TITLE_MAX);
		String alt = details.altText();
		if (kind == MediaKind.IMAGE) {
			if (details.decorative()) {
				alt = "";
			}
			else if (alt.isEmpty()) {
				problems.put("altText", "Describe the image for people who cannot see it, "
						+ "or mark it as decorative if it adds nothing to the text.");
			}
			length(problems, "altText", "Alt text", alt, ALT_MAX);
		}
		else {
			alt = "";
		}
		length(problems, "caption", "Caption", details.caption(), CAPTION_MAX);
		length(problems, "credit", "Credit", details.credit(), CREDIT_MAX);
		if (!problems.isEmpty()) {
			throw new InvalidMediaException(problems);
		}
		return new MediaDetails(title, alt, kind == MediaKind.IMAGE && details.decorative(), details.caption(),
				details.credit());
	}

	private static void length(Map<String, String> problems, String field, String label, String value, int max) {
		if (value.length() > max) {
			problems.putIfAbsent(field, label + " is longer than " + max + " characters.");
		}
		else if (CONTROL.matcher(value.replace("\n", "").replace("\r", "")).find()) {
			problems.putIfAbsent(field, label + " contains characters that cannot be shown.");
		}
	}

}
