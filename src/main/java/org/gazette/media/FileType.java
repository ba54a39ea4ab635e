package org.gazette.media;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the library accepts, recognised by their first bytes ("magic
 * numbers"), never by their name or the content type a browser sends.
 */
enum FileType {

	JPEG("JPEG image", "jpeg", List.of("jpg", "jpeg", "jpe", "jfif")),

	PNG("PNG image", "png", List.of("png")),

	GIF("GIF image", "gif", List.of("gif")),

	WEBP("WebP image", "webp", List.of("webp")),

	PDF("PDF document", null, List.of("pdf"));

	/** How many leading bytes {@link #of(byte[])} looks at. */
	static final int HEAD = 1024;

	private final String label;

	private final String imageFormat;

	private final List<String> extensions;

	FileType(String label, String imageFormat, List<String> extensions) {
		this.label = label;
		this.imageFormat = imageFormat;
		this.extensions = extensions;
	}

	String label() {
		return this.label;
	}

	/** The ImageIO format name that decodes it; null for documents. */
	String imageFormat() {
		return this.imageFormat;
	}

	boolean isImage() {
		return this.imageFormat != null;
	}

	boolean matchesName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot >= 0 && this.extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	String expectedExtensions() {
		return "." + String.join(", .", this.extensions);
	}

	/** The type the content says, from its first bytes; empty when it is none of ours. */
	static Optional<FileType> of(byte[] head) {
		if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of(GIF);
		}
		if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		// Stricter than PDF readers, which look for the header anywhere in the first
		// kilobyte: anything in front of it is what polyglot files hide in.
		if (startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	/** Whether the content looks like SVG, to say why it is refused. */
	static boolean looksLikeSvg(byte[] head) {
		return text(head).contains("<svg");
	}

	/** Whether the content looks like a web page or script. */
	static boolean looksLikeHtml(byte[] head) {
		String text = text(head);
		return text.contains("<html") || text.contains("<!doctype") || text.contains("<script")
				|| text.contains("<body") || text.contains("<head");
	}

	private static String text(byte[] head) {
		return new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
