package org.gazette.admin;

import java.time.Duration;
import java.util.List;

import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.content.EditableArticle;
import org.gazette.publishing.NewPreviewLink;
import org.gazette.publishing.PreviewLink;
import org.gazette.publishing.PreviewLinks;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who may share a story's preview links: whoever may edit the story sees its links and
 * makes new ones; a link is revoked by the person who made it, or by an editor or anyone
 * above. {@link PreviewLinks} makes, revokes and audits them.
 */
@Service
class PreviewLinkSharing {

	private final PreviewLinks links;

	private final StoryEditing editing;

	PreviewLinkSharing(PreviewLinks links, StoryEditing editing) {
		this.links = links;
		this.editing = editing;
	}

	/**
	 * The story and its links, newest first.
	 * @throws AdminNotFoundException when there is no such story
	 * @throws AccessDeniedException when the person may not edit it
	 */
	Shared list(long articleId, SignedInUser user) {
		EditableArticle article = this.editing.open(articleId, user);
		return new Shared(article, this.links.list(articleId));
	}

	/** As {@link #list}, also making a link to the story's working revision. */
	NewPreviewLink create(long articleId, Duration lifetime, SignedInUser user, String address) {
		this.editing.open(articleId, user);
		return this.links.create(articleId, user.email(), lifetime, address);
	}

	/**
	 * Revokes one of the story's links.
	 * @throws AdminNotFoundException when the story has no such link
	 * @throws AccessDeniedException when the person neither made it nor is an editor
	 */
	PreviewLink revoke(long articleId, long linkId, SignedInUser user, String address) {
		PreviewLink link = this.links.link(linkId)
			.filter((found) -> found.articleId() == articleId)
			.orElseThrow(AdminNotFoundException::new);
		if (!mayRevoke(user, link)) {
			throw new AccessDeniedException("Preview link " + linkId + " is not " + user.email() + "'s to revoke");
		}
		return this.links.revoke(linkId, user.email(), address);
	}

	/**
	 * Whoever made a link may take it back, even from a story they may no longer edit;
	 * editors and up answer for every story, so they revoke any.
	 */
	static boolean mayRevoke(SignedInUser user, PreviewLink link) {
		return user.can(Role.EDITOR) || user.email().equalsIgnoreCase(link.createdBy());
	}

	/**
	 * @param article the story
	 * @param links its preview links, newest first
	 */
	record Shared(EditableArticle article, List<PreviewLink> links) {
	}

}
