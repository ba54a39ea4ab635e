package org.gazette.publishing;

import org.gazette.content.ArticleMoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A published story's new address changes its page, the listings, feeds and sitemaps that
 * link it, and its old address (now a redirect): a change event, in the transaction of
 * the move (the listener runs synchronously inside it).
 */
@Component
class AddressChanges {

	private final ChangeEvents changes;

	AddressChanges(ChangeEvents changes) {
		this.changes = changes;
	}

	@EventListener
	void on(ArticleMoved moved) {
		this.changes.articleChanged("moved", moved.articleId(), null);
	}

}
