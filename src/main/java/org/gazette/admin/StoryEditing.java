package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.content.Content;
import org.gazette.content.DraftPreview;
import org.gazette.content.EditableArticle;
import org.gazette.content.InvalidContentException;
import org.gazette.content.RevisionDraft;
import org.gazette.content.SavedRevision;
import org.gazette.content.UnknownContentException;
import org.gazette.publishing.Workflow;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and editing stories from the back office: who may edit what, and every save
 * written to the audit log in the same transaction as the revision it creates.
 * Contributors edit only the drafts they created; editors and up edit any story.
 */
@Service
class StoryEditing {

	private final Content content;

	private final AuditLog audit;

	private final Workflow workflow;

	StoryEditing(Content content, AuditLog audit, Workflow workflow) {
		this.content = content;
		this.audit = audit;
		this.workflow = workflow;
	}

	/**
	 * A story the person may edit.
	 * @throws AdminNotFoundException when there is no such story
	 * @throws AccessDeniedException when it is not theirs to edit
	 */
	EditableArticle open(long articleId, SignedInUser user) {
		EditableArticle article = this.content.editable(articleId).orElseThrow(AdminNotFoundException::new);
		if (!mayEdit(user, article)) {
			throw new AccessDeniedException("Story " + articleId + " is not " + user.email() + "'s draft");
		}
		return article;
	}

	/**
	 * A story the person may read in the back office, though perhaps not change: any
	 * story for editors and up; for a contributor, the stories they created, in any state
	 * (once submitted, a story is out of their hands but not out of their sight).
	 * @throws AdminNotFoundException when there is no such story
	 * @throws AccessDeniedException when it is not theirs to read
	 */
	EditableArticle openToRead(long articleId, SignedInUser user) {
		EditableArticle article = this.content.editable(articleId).orElseThrow(AdminNotFoundException::new);
		if (!user.can(Role.EDITOR) && !user.email().equalsIgnoreCase(article.createdBy())) {
			throw new AccessDeniedException("Story " + articleId + " is not " + user.email() + "'s");
		}
		return article;
	}

	/** Whether the person may open the story in the editor. */
	boolean mayOpen(long articleId, SignedInUser user) {
		return this.content.editable(articleId).map((article) -> mayEdit(user, article)).orElse(false);
	}

	/**
	 * Creates a story from the form.
	 * @return the new story's id
	 * @throws FormProblems with every problem, by field
	 */
	@Transactional
	long create(ArticleForm form, SignedInUser user) {
		Map<String, String> problems = new LinkedHashMap<>();
		RevisionDraft draft = form.toDraft(problems);
		long id;
		try {
			id = this.content.createArticle(form.slugOrNull(), draft, user.email());
		}
		catch (InvalidContentException ex) {
			throw FormProblems.of(ex, problems);
		}
		// Refused after the fact so that every problem shows at once; the transaction
		// rolls the story back.
		FormProblems.refuseIfAny(problems);
		this.audit.record(AuditRecord.of(user.email(), "story.created", "story", id, draft.title()));
		return id;
	}

	/** The message of a revision the editor's page saved on its own. */
	static final String AUTOSAVE_MESSAGE = "Saved automatically.";

	/**
	 * Saves the form as the story's newest revision.
	 * @param autosave whether the editor's page saved on its own; such a save is skipped
	 * when nothing changed since the last one
	 * @throws org.gazette.content.EditConflictException when someone saved since the form
	 * was opened
	 * @throws FormProblems with every problem, by field
	 */
	@Transactional
	SavedRevision save(long articleId, ArticleForm form, SignedInUser user, boolean autosave) {
		EditableArticle article = open(articleId, user);
		Map<String, String> problems = new LinkedHashMap<>();
		RevisionDraft draft = form.toDraft(problems);
		if (autosave) {
			draft = draft.withMessage(AUTOSAVE_MESSAGE);
			if (problems.isEmpty() && form.expectedVersion() == article.version()
					&& sameContent(draft, article.workingRevision().toDraft())
					&& (form.slugOrNull() == null || form.slugOrNull().equals(article.slug()))) {
				return new SavedRevision(articleId, article.workingRevision().id(), article.workingRevision().number(),
						article.version());
			}
		}
		this.workflow.checkEditable(articleId);
		String slug = article.slugEditable() ? form.slugOrNull() : null;
		SavedRevision saved;
		try {
			saved = this.content.revise(articleId, form.expectedVersion(), slug, draft, user.email());
		}
		catch (UnknownContentException ex) {
			throw new AdminNotFoundException();
		}
		catch (InvalidContentException ex) {
			throw FormProblems.of(ex, problems);
		}
		FormProblems.refuseIfAny(problems);
		this.workflow.revised(articleId, user.email());
		this.audit.record(AuditRecord.of(user.email(), autosave ? "story.autosaved" : "story.saved", "story", articleId,
				"revision " + saved.number() + ": " + draft.title()));
		return saved;
	}

	/** The draft rendered as readers would see it. */
	DraftPreview preview(ArticleForm form) {
		Map<String, String> ignored = new LinkedHashMap<>();
		try {
			return this.content.preview(form.toDraft(ignored));
		}
		catch (InvalidContentException ex) {
			throw FormProblems.of(ex, ignored);
		}
	}

	static boolean mayEdit(SignedInUser user, EditableArticle article) {
		if (user.can(Role.EDITOR)) {
			return true;
		}
		// A contributor's own story, until it goes to readers: from then on its text is
		// the agency's public word, which editors answer for.
		return user.email().equalsIgnoreCase(article.createdBy()) && !article.everPublished()
				&& "draft".equals(article.state());
	}

	private static boolean sameContent(RevisionDraft a, RevisionDraft b) {
		return a.type() == b.type() && Objects.equals(a.title(), b.title()) && Objects.equals(a.summary(), b.summary())
				&& Objects.equals(blank(a.dateline()), blank(b.dateline()))
				&& Objects.equals(a.bodyMarkdown(), b.bodyMarkdown()) && a.authorIds().equals(b.authorIds())
				&& List.copyOf(new java.util.TreeSet<>(a.topicIds()))
					.equals(List.copyOf(new java.util.TreeSet<>(b.topicIds())))
				&& a.changeKind() == b.changeKind() && Objects.equals(blank(a.changeNote()), blank(b.changeNote()))
				&& Objects.equals(a.heroMediaId(), b.heroMediaId()) && a.documentIds().equals(b.documentIds());
	}

	private static String blank(String text) {
		return (text == null) ? "" : text.strip();
	}

}
