package org.gazette.publishing;

import org.gazette.media.MediaChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Public pages read a library item's alt text, caption, credit and file through its row,
 * so changing it changes every published story that shows it: each gets a change event,
 * in the transaction of the change (the listener runs synchronously inside it), and
 * cached pages, feeds and the index follow as for any update.
 */
@Component
class MediaChanges {

	private final ProfileChangeRepository stories;

	private final ChangeEvents changes;

	MediaChanges(ProfileChangeRepository stories, ChangeEvents changes) {
		this.stories = stories;
		this.changes = changes;
	}

	@EventListener
	void on(MediaChanged changed) {
		this.changes.articlesChanged("updated", this.stories.showingMedia(changed.mediaId()), null);
	}

}
