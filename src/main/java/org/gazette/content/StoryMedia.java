package org.gazette.content;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gazette.media.MediaAsset;
import org.gazette.media.MediaKind;
import org.gazette.media.MediaLibrary;

/**
 * What a draft takes from the media library: its hero must be an image, its listed
 * documents documents, each once. The items its body links to are found when it is saved,
 * so that "where used" never has to search the bodies.
 */
class StoryMedia {

	/** The most documents one story lists; more is a press kit, better one PDF. */
	static final int DOCUMENTS_MAX = 20;

	private final MediaLibrary library;

	StoryMedia(MediaLibrary library) {
		this.library = library;
	}

	void check(RevisionDraft draft, Problems problems) {
		List<Long> wanted = new java.util.ArrayList<>(draft.documentIds());
		if (draft.heroMediaId() != null) {
			wanted.add(draft.heroMediaId());
		}
		// Most stories name no media: no call into the library for them.
		Map<Long, MediaAsset> found = wanted.isEmpty() ? Map.of()
				: this.library.find(wanted).stream().collect(Collectors.toMap(MediaAsset::id, Function.identity()));
		if (draft.heroMediaId() != null) {
			MediaAsset hero = found.get(draft.heroMediaId());
			if (hero == null) {
				problems.add("heroMediaId",
						"There is no image " + draft.heroMediaId() + " in the media library. Choose another.");
			}
			else if (hero.kind() != MediaKind.IMAGE) {
				problems.add("heroMediaId", "“" + hero.title() + "” is a document, not an image. Choose an image.");
			}
		}
		if (new HashSet<>(draft.documentIds()).size() != draft.documentIds().size()) {
			problems.add("documentIds", "A document is listed twice.");
		}
		if (draft.documentIds().size() > DOCUMENTS_MAX) {
			problems.add("documentIds", "A story lists at most " + DOCUMENTS_MAX + " documents.");
		}
		for (long id : draft.documentIds()) {
			MediaAsset document = found.get(id);
			if (document == null) {
				problems.add("documentIds", "There is no document " + id + " in the media library. Choose another.");
			}
			else if (document.kind() != MediaKind.DOCUMENT) {
				problems.add("documentIds",
						"“" + document.title() + "” is an image, not a document. Put images in the text instead.");
			}
		}
	}

	/**
	 * Library items by their titles, for comparing versions; an id the library no longer
	 * holds is named as such.
	 */
	Map<Long, String> titles(java.util.Collection<Long> ids) {
		Map<Long, String> titles = new java.util.HashMap<>();
		// The item's number too: two items may share a title, and swapping one for the
		// other is a change.
		this.library.find(List.copyOf(ids))
			.forEach((asset) -> titles.put(asset.id(), asset.title() + " (item " + asset.id() + ")"));
		ids.forEach((id) -> titles.putIfAbsent(id, "deleted media item " + id));
		return titles;
	}

	/** The library items the Markdown links to, by id, in id order. */
	List<Long> linkedFrom(String markdown) {
		return this.library.linkedFrom(markdown).stream().map(MediaAsset::id).toList();
	}

}
