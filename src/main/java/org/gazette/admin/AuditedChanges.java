package org.gazette.admin;

import java.util.List;
import java.util.Optional;

import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.EditableArticle;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.RevisionSummary;
import org.gazette.content.SavedRevision;
import org.gazette.content.Topic;
import org.gazette.content.UnknownContentException;
import org.gazette.publishing.ReleaseWork;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's changes to history, authors, topics and release work, each with its
 * audit entry in the same transaction: the change and the record of it commit together or
 * not at all.
 */
@Service
class AuditedChanges {

	private final Content content;

	private final AuditLog audit;

	private final ReleaseWork releaseWork;

	AuditedChanges(Content content, AuditLog audit, ReleaseWork releaseWork) {
		this.content = content;
		this.audit = audit;
		this.releaseWork = releaseWork;
	}

	/**
	 * Tries again release work that Gazette gave up on.
	 * @return the story the work is for; empty when the work is not (or no longer) failed
	 */
	@Transactional
	Optional<Long> retryReleaseWork(long taskId, SignedInUser by, String address) {
		Optional<Long> article = this.releaseWork.retry(taskId);
		article.ifPresent((id) -> this.audit.record(AuditRecord
			.of(by.email(), "release-work.retried", "article", id, "Release work " + taskId + " tried again.")
			.from(address)));
		return article;
	}

	/**
	 * Restores an earlier revision as the newest. Editors may restore any story; a
	 * contributor only a draft they started, as they may only edit their own drafts.
	 */
	@Transactional
	SavedRevision restore(long articleId, int number, int expectedVersion, SignedInUser by, String address) {
		if (!mayRestore(articleId, by)) {
			throw new AccessDeniedException("Only editors restore stories other than their own drafts.");
		}
		SavedRevision saved = this.content.restore(articleId, number, by.email(), expectedVersion);
		this.audit.record(
				AuditRecord
					.of(by.email(), "article.restored", "article", articleId,
							"Restored revision " + number + " as revision " + saved.number() + ".")
					.from(address));
		return saved;
	}

	/** Whether this person may restore revisions of the story. */
	boolean mayRestore(long articleId, SignedInUser by) {
		if (by.can(Role.EDITOR)) {
			return true;
		}
		EditableArticle article = this.content.editable(articleId)
			.orElseThrow(() -> new UnknownContentException("There is no story " + articleId + "."));
		List<RevisionSummary> history = this.content.history(articleId);
		return article.publishedRevisionId() == null && !history.isEmpty()
				&& by.email().equals(history.get(history.size() - 1).createdBy());
	}

	@Transactional
	Author createAuthor(NewAuthor author, String by, String address) {
		Author created = this.content.createAuthor(author);
		record(by, "author.created", "author", created.id(), "Created " + created.name() + " (" + created.slug() + ").",
				address);
		return created;
	}

	@Transactional
	Author updateAuthor(long id, NewAuthor changes, String by, String address) {
		Author changed = this.content.updateAuthor(id, changes);
		record(by, "author.updated", "author", id, "Saved " + changed.name() + " (" + changed.slug() + ").", address);
		return changed;
	}

	@Transactional
	Author mergeAuthor(long duplicateId, long survivorId, String by, String address) {
		String duplicate = this.content.author(duplicateId).map(Author::name).orElse("?");
		Author survivor = this.content.mergeAuthor(duplicateId, survivorId);
		record(by, "author.merged", "author", duplicateId,
				"Merged " + duplicate + " into " + survivor.name() + " (author " + survivorId + ").", address);
		return survivor;
	}

	@Transactional
	Topic createTopic(NewTopic topic, String by, String address) {
		Topic created = this.content.createTopic(topic);
		record(by, "topic.created", "topic", created.id(), "Created " + created.name() + " (" + created.slug() + ").",
				address);
		return created;
	}

	@Transactional
	Topic updateTopic(long id, NewTopic changes, String by, String address) {
		Topic changed = this.content.updateTopic(id, changes);
		record(by, "topic.updated", "topic", id, "Saved " + changed.name() + " (" + changed.slug() + ").", address);
		return changed;
	}

	@Transactional
	Topic mergeTopic(long duplicateId, long survivorId, String by, String address) {
		String duplicate = this.content.topic(duplicateId).map(Topic::name).orElse("?");
		Topic survivor = this.content.mergeTopic(duplicateId, survivorId);
		record(by, "topic.merged", "topic", duplicateId,
				"Merged " + duplicate + " into " + survivor.name() + " (topic " + survivorId + ").", address);
		return survivor;
	}

	private void record(String by, String action, String type, long id, String details, String address) {
		this.audit.record(AuditRecord.of(by, action, type, id, details).from(address));
	}

}
