package org.gazette.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An item of the media library as stored: the checked file and what editors said about
 * it. Files are named after {@link #sha256()}, so their addresses never change and can be
 * cached for good.
 *
 * @param id library number
 * @param sha256 hash of the bytes as uploaded
 * @param kind image or document
 * @param mediaType content type of the stored files ({@code image/jpeg},
 * {@code image/png}, {@code application/pdf})
 * @param extension of the stored files ({@code jpg}, {@code png}, {@code pdf})
 * @param fileName the name it was uploaded with, shown to editors and used when a
 * document is downloaded
 * @param byteSize size of the file as uploaded
 * @param width images: the largest rendition's width, else null
 * @param height images: the largest rendition's height, else null
 * @param renditions images: the widths stored, smallest first; empty for documents
 * @param title what editors call it; a document's link text
 * @param altText images: the text alternative, empty when decorative
 * @param decorative images: marked as decoration, with no text alternative on purpose
 * @param caption optional caption
 * @param credit optional credit line ("Photo: Jane Doe, Office of Trade")
 * @param createdAt when it was uploaded
 * @param createdBy who uploaded it
 * @param updatedAt when its details last changed
 * @param updatedBy who changed them
 */
public record MediaAsset(long id, String sha256, MediaKind kind, String mediaType, String extension, String fileName,
		long byteSize, Integer width, Integer height, List<Integer> renditions, String title, String altText,
		boolean decorative, String caption, String credit, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy) {

	/** The width of the rendition put into a story's body by a Markdown snippet. */
	static final int BODY_WIDTH = 960;

	public MediaAsset {
		renditions = (renditions != null) ? List.copyOf(renditions) : List.of();
	}

	public boolean isImage() {
		return this.kind == MediaKind.IMAGE;
	}

	/** The address of the largest rendition of an image, or of the document. */
	public String url() {
		return isImage() ? url(this.width) : "/media/" + this.sha256 + "." + this.extension;
	}

	/** The address of an image's rendition of this width. */
	public String url(int renditionWidth) {
		return "/media/" + this.sha256 + "-" + renditionWidth + "." + this.extension;
	}

	/** The smallest rendition, for lists of thumbnails. */
	public String thumbnailUrl() {
		return isImage() ? url(this.renditions.get(0)) : null;
	}

	/** Every rendition with its width, for {@code srcset}. */
	public String srcset() {
		return String.join(", ", this.renditions.stream().map((w) -> url(w) + " " + w + "w").toList());
	}

	/** The height of the rendition of this width, as it was scaled. */
	public int heightAt(int renditionWidth) {
		return ImageRenditions.scaledHeight(this.width, this.height, renditionWidth);
	}

	/** What screen readers read: nothing for a decorative image. */
	public String alt() {
		return this.decorative ? "" : this.altText;
	}

	/** The names of the files stored for this item. */
	List<String> fileNames() {
		if (!isImage()) {
			return List.of(this.sha256 + "." + this.extension);
		}
		List<String> names = new ArrayList<>();
		for (int w : this.renditions) {
			names.add(this.sha256 + "-" + w + "." + this.extension);
		}
		return names;
	}

	/** A Markdown image to paste into a story's body. */
	public String markdown() {
		if (!isImage()) {
			return "[" + escapeMarkdown(this.title) + "](" + url() + ")";
		}
		int bodyWidth = this.renditions.stream()
			.filter((w) -> w <= BODY_WIDTH)
			.reduce((a, b) -> b)
			.orElse(this.renditions.get(0));
		return "![" + escapeMarkdown(alt()) + "](" + url(bodyWidth) + ")";
	}

	/** The kind of file in a word readers know: "PDF", "JPEG", "PNG". */
	public String typeLabel() {
		return switch (this.extension) {
			case "jpg" -> "JPEG";
			default -> this.extension.toUpperCase(Locale.ROOT);
		};
	}

	/** The file's size as people read it: "240 KB", "1.2 MB". */
	public String sizeLabel() {
		return sizeLabel(this.byteSize);
	}

	/** A document's link text with its type and size: "Fact sheet (PDF, 240 KB)". */
	public String documentLabel() {
		return this.title + " (" + typeLabel() + ", " + sizeLabel() + ")";
	}

	static String sizeLabel(long bytes) {
		if (bytes < 1000) {
			return bytes + " bytes";
		}
		if (bytes < 1_000_000) {
			return Math.max(1, Math.round(bytes / 1000.0)) + " KB";
		}
		return String.format(Locale.US, "%.1f MB", bytes / 1_000_000.0);
	}

	private static String escapeMarkdown(String text) {
		return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replaceAll("[\\r\\n]+", " ");
	}

}
