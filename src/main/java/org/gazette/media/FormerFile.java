package org.gazette.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A file a library item had before it was replaced, kept for the record. Its addresses
 * lead to the item's current file.
 *
 * @param sha256 hash of its bytes as uploaded
 * @param extension of its stored files
 * @param fileName the name it was uploaded with
 * @param byteSize its size as uploaded
 * @param renditions images: the widths stored; empty for documents
 * @param createdAt when it became the item's file
 * @param createdBy who uploaded it
 * @param replacedAt when another file took its place
 * @param replacedBy who replaced it
 */
public record FormerFile(String sha256, String extension, String fileName, long byteSize, List<Integer> renditions,
		Instant createdAt, String createdBy, Instant replacedAt, String replacedBy) {

	public FormerFile {
		renditions = List.copyOf(renditions);
	}

	public String sizeLabel() {
		return MediaAsset.sizeLabel(this.byteSize);
	}

	/** The names of the files stored for it. */
	List<String> fileNames() {
		if (this.renditions.isEmpty()) {
			return List.of(this.sha256 + "." + this.extension);
		}
		List<String> names = new ArrayList<>();
		for (int w : this.renditions) {
			names.add(this.sha256 + "-" + w + "." + this.extension);
		}
		return names;
	}

}
