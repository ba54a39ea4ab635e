package org.gazette.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gazette.media.MediaAsset;
import org.gazette.media.MediaLibrary;

import org.springframework.stereotype.Component;

/**
 * A story's hero image and listed documents from the media library, as the story page
 * shows them: for readers and in the editor's preview alike, so the preview shows what
 * readers will see.
 */
@Component
class StoryMedia {

	private final MediaLibrary media;

	StoryMedia(MediaLibrary media) {
		this.media = media;
	}

	/** The hero image, or null (none, or not an image). */
	Views.HeroImage hero(Long mediaId) {
		if (mediaId == null) {
			return null;
		}
		return this.media.find(mediaId).filter(MediaAsset::isImage).map(Views.HeroImage::of).orElse(null);
	}

	/**
	 * The listed documents, in the story's order; ids of images or of nothing are
	 * skipped.
	 */
	List<Views.DocumentLink> documents(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, MediaAsset> found = new HashMap<>();
		this.media.find(ids).forEach((asset) -> found.put(asset.id(), asset));
		return ids.stream()
			.map(found::get)
			.filter((asset) -> asset != null && !asset.isImage())
			.map(Views.DocumentLink::of)
			.toList();
	}

}
