package org.gazette.publishing;

import java.util.List;

import org.gazette.content.AuthorChanged;
import org.gazette.content.TopicChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bylines and topic links are read through the author and topic rows, so editing or
 * merging one changes public pages: every published story that credits it gets a change
 * event, in the transaction of the edit (the listener runs synchronously inside it).
 */
@Component
class ProfileChanges {

	private final ProfileChangeRepository stories;

	private final ChangeEvents changes;

	ProfileChanges(ProfileChangeRepository stories, ChangeEvents changes) {
		this.stories = stories;
		this.changes = changes;
	}

	@EventListener
	void on(AuthorChanged changed) {
		announce(this.stories.creditingAuthor(changed.authorId(), changed.mergedId()), "author", changed.authorId());
	}

	@EventListener
	void on(TopicChanged changed) {
		announce(this.stories.aboutTopic(changed.topicId(), changed.mergedId()), "topic", changed.topicId());
	}

	/**
	 * The profile's own page (and the static export holding it) changes even when no
	 * public story credits it: then one event about the profile says so.
	 */
	private void announce(List<Long> articleIds, String subjectType, long subjectId) {
		if (articleIds.isEmpty()) {
			this.changes.subjectChanged("updated", subjectType, subjectId);
		}
		else {
			this.changes.articlesChanged("updated", articleIds, null);
		}
	}

}
