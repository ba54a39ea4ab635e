package org.gazette.admin;

import java.util.Optional;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.content.Content;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.Redirect;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.Takedown;
import org.gazette.publishing.TakedownRecord;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to what a public address answers, from the back office: taking a story down,
 * moving it to a new address, adding and removing redirects. Each is written to the audit
 * log in the same transaction, so the change and its record commit together. A removed
 * redirect survives only in its audit entry, which holds all of it.
 */
@Service
class PublicAddressChanges {

	private final Publishing publishing;

	private final Content content;

	private final Redirects redirects;

	private final AuditLog audit;

	private final org.gazette.publishing.Workflow workflow;

	PublicAddressChanges(Publishing publishing, Content content, Redirects redirects, AuditLog audit,
			org.gazette.publishing.Workflow workflow) {
		this.workflow = workflow;
		this.publishing = publishing;
		this.content = content;
		this.redirects = redirects;
		this.audit = audit;
	}

	@Transactional
	TakedownRecord takeDown(long articleId, Takedown takedown, String by, String address) {
		TakedownRecord record = this.workflow.takeDown(articleId, takedown,
				EditorPageBuilder.actor(AdminChromeFactory.currentUser()));
		String details = switch (record.kind()) {
			case GONE -> "Gone (published in error)"
					+ ((record.explanation() != null) ? ": " + record.explanation() : ", no explanation.");
			case REDIRECT -> "Published in error, redirected to " + record.redirectUrl() + ".";
			case CONSOLIDATED -> "Consolidated into story " + record.targetArticleId() + " ("
					+ this.content.editable(record.targetArticleId())
						.map((target) -> "/news/" + target.slug())
						.orElse("?")
					+ ").";
			case WITHDRAWN -> "Withdrawn: " + record.explanation();
		};
		record(by, "story.taken-down", "story", articleId, details, address);
		return record;
	}

	/**
	 * @return the address the story had
	 */
	@Transactional
	String changeSlug(long articleId, String slug, String by, String address) {
		String old = this.content.changeSlug(articleId, slug, by);
		record(by, "story.address-changed", "story", articleId, "Moved from /news/" + old + " to /news/" + slug + ".",
				address);
		return old;
	}

	@Transactional
	Redirect addRedirect(String fromPath, String toUrl, String note, String by, String address) {
		Redirect redirect = this.redirects.add(fromPath, toUrl, note, by);
		record(by, "redirect.added", "redirect", redirect.id(), describe(redirect), address);
		return redirect;
	}

	@Transactional
	Optional<Redirect> removeRedirect(long id, String by, String address) {
		Optional<Redirect> removed = this.redirects.remove(id);
		removed.ifPresent((redirect) -> record(by, "redirect.removed", "redirect", id,
				describe(redirect) + " Added by " + redirect.createdBy() + " at " + redirect.createdAt() + ".",
				address));
		return removed;
	}

	private static String describe(Redirect redirect) {
		return redirect.fromPath() + " -> " + redirect.toUrl() + "."
				+ ((redirect.note() != null) ? " Note: " + redirect.note() : "");
	}

	private void record(String by, String action, String type, long id, String details, String address) {
		// The audit column holds 4,000 characters; a long explanation is cut, never
		// refused.
		String kept = (details.length() > 3900) ? details.substring(0, 3900) + "…" : details;
		this.audit.record(AuditRecord.of(by, action, type, id, kept).from(address));
	}

}
