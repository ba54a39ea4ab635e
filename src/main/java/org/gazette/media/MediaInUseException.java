package org.gazette.media;

import java.util.List;

/** A delete refused because the item is used; says where. */
public class MediaInUseException extends RuntimeException {

	private final List<MediaUse> uses;

	MediaInUseException(List<MediaUse> uses) {
		super("The item is used in " + uses.size() + " place(s).");
		this.uses = List.copyOf(uses);
	}

	public List<MediaUse> uses() {
		return this.uses;
	}

}
