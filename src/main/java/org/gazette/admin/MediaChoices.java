package org.gazette.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.media.MediaAsset;
import org.gazette.media.MediaKind;
import org.gazette.media.MediaLibrary;
import org.gazette.media.MediaSearch;

/**
 * The library items the story editor offers: the newest images and documents, and
 * whatever the story already uses even when it is older, so that a save never drops it
 * unseen.
 */
class MediaChoices {

	private final MediaLibrary library;

	MediaChoices(MediaLibrary library) {
		this.library = library;
	}

	EditorPages.MediaPicker picker(ArticleForm form) {
		List<Long> chosen = new ArrayList<>();
		Long hero = number(form.heroMediaId());
		if (hero != null) {
			chosen.add(hero);
		}
		form.documentIds().stream().map(MediaChoices::number).filter((id) -> id != null).forEach(chosen::add);
		Map<Long, MediaAsset> used = new HashMap<>();
		this.library.find(chosen).forEach((asset) -> used.put(asset.id(), asset));
		return new EditorPages.MediaPicker(images(form.heroMediaId(), hero, used), documents(form, used));
	}

	private List<EditorPages.ImageChoice> images(String typed, Long hero, Map<Long, MediaAsset> used) {
		List<EditorPages.ImageChoice> images = new ArrayList<>();
		MediaAsset current = (hero != null) ? used.get(hero) : null;
		if (current != null && current.isImage()) {
			images.add(image(current, true));
		}
		else if (!typed.isBlank()) {
			// Not an image of the library (any more): kept, so the editor sees why a save
			// is refused.
			images
				.add(new EditorPages.ImageChoice(typed, "Image " + typed + " (not in the library)", null, null, true));
		}
		for (MediaAsset asset : this.library.search(new MediaSearch("", MediaKind.IMAGE, 1)).items()) {
			if (current == null || asset.id() != current.id()) {
				images.add(image(asset, false));
			}
		}
		return images;
	}

	private List<EditorPages.Choice> documents(ArticleForm form, Map<Long, MediaAsset> used) {
		List<EditorPages.Choice> documents = new ArrayList<>();
		Set<String> listed = new LinkedHashSet<>();
		for (String value : form.documentIds()) {
			if (value.isBlank() || !listed.add(value.strip())) {
				continue;
			}
			Long id = number(value);
			MediaAsset asset = (id != null) ? used.get(id) : null;
			documents.add(new EditorPages.Choice(value.strip(),
					(asset != null) ? asset.documentLabel() : "Document " + value.strip() + " (not in the library)",
					true));
		}
		for (MediaAsset asset : this.library.search(new MediaSearch("", MediaKind.DOCUMENT, 1)).items()) {
			if (listed.add(Long.toString(asset.id()))) {
				documents.add(new EditorPages.Choice(Long.toString(asset.id()), asset.documentLabel(), false));
			}
		}
		return documents;
	}

	private static EditorPages.ImageChoice image(MediaAsset asset, boolean selected) {
		return new EditorPages.ImageChoice(Long.toString(asset.id()), asset.title(), asset.thumbnailUrl(),
				asset.markdown(), selected);
	}

	private static Long number(String value) {
		try {
			return value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
