package org.gazette.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.Revision;
import org.gazette.content.RevisionDraft;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial workflow: who may move a story from which state to which, under the
 * story's row lock and at the version the person saw, each move recorded in the story's
 * history and in the audit log in the same transaction. Making a revision public is
 * {@link Publishing}'s; this class decides when that may happen.
 */
@Service
public class Workflow {

	/** How far ahead a release may be scheduled: beyond that it is surely a typo. */
	static final Duration FURTHEST_RELEASE = Duration.ofDays(5 * 366);

	/** The longest comment kept with an action ({@code workflow_event.comment}). */
	static final int COMMENT_MAX = 2000;

	private static final Set<EditorialState> ON_THE_WAY = EnumSet.of(EditorialState.DRAFT, EditorialState.IN_REVIEW,
			EditorialState.APPROVED);

	private final WorkflowRepository repository;

	private final Publishing publishing;

	private final Content content;

	private final AuditLog audit;

	private final WorkflowSettings settings;

	private final Clock clock;

	Workflow(WorkflowRepository repository, Publishing publishing, Content content, AuditLog audit,
			WorkflowSettings settings, Clock clock) {
		this.repository = repository;
		this.publishing = publishing;
		this.content = content;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	public Optional<ArticleStanding> standing(long articleId) {
		return this.repository.standing(articleId);
	}

	/**
	 * The actions this person may take on the story now, in the order a page offers them.
	 */
	public List<WorkflowAction> actionsFor(ArticleStanding story, Actor actor) {
		Instant now = this.clock.instant();
		List<WorkflowAction> actions = new ArrayList<>();
		for (WorkflowAction action : WorkflowAction.values()) {
			if (action != WorkflowAction.EDIT && refusal(story, Transition.of(action), actor, now).isEmpty()) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * Why this person may not take this action on the story now, in words they can act
	 * on; empty when they may.
	 */
	public Optional<String> whyNot(ArticleStanding story, WorkflowAction action, Actor actor) {
		return refusal(story, Transition.of(action), actor, this.clock.instant()).map(Refusal::message);
	}

	/**
	 * Takes a workflow action.
	 * @param expectedVersion the story's version the person saw; if it moved since,
	 * nothing happens and they are told
	 * @throws WorkflowException when the story's state, the rules or the person's role
	 * forbid it ({@link WorkflowForbiddenException} for the role)
	 * @throws InvalidContentException when the story or the chosen time is not fit to
	 * publish, by field
	 * @throws org.gazette.content.UnknownContentException when there is no such story
	 */
	@Transactional
	public ArticleStanding apply(long articleId, int expectedVersion, Transition transition, Actor actor) {
		Instant now = this.clock.instant();
		ArticleStanding story = this.repository.lock(articleId)
			.orElseThrow(() -> org.gazette.content.UnknownContentException.story(articleId));
		Optional<Refusal> refused = refusal(story, transition, actor, now);
		if (refused.isPresent()) {
			throw refused.get().forbidden() ? new WorkflowForbiddenException(refused.get().message())
					: new WorkflowException(refused.get().message());
		}
		if (story.version() != expectedVersion) {
			throw new WorkflowException("Someone changed this story since you opened it, so nothing was done. "
					+ "Look at it again, then choose what to do.");
		}
		checkComment(transition);
		EditorialState to = carryOut(story, transition, actor, now);
		String comment = blankToNull(transition.comment());
		this.repository.insertEvent(articleId, transition.action(), story.state(), to, story.workingRevisionId(),
				transition.releaseAt(), comment, actor.email(), now);
		this.audit.record(AuditRecord.of(actor.email(), "story." + transition.action().code(), "story", articleId,
				describe(story, transition)));
		return this.repository.standing(articleId).orElseThrow();
	}

	/**
	 * Takes a public story down for the given reason, or changes the reason of one
	 * already down, recording the step in the story's history.
	 * @throws WorkflowException when the story is not public or the role lacks the step
	 * @throws InvalidContentException with the takedown's problems, by field
	 */
	@Transactional
	public TakedownRecord takeDown(long articleId, Takedown takedown, Actor actor) {
		Instant now = this.clock.instant();
		ArticleStanding story = this.repository.lock(articleId)
			.orElseThrow(() -> org.gazette.content.UnknownContentException.story(articleId));
		Optional<Refusal> refused = refusal(story, Transition.of(WorkflowAction.UNPUBLISH), actor, now);
		if (refused.isPresent()) {
			throw refused.get().forbidden() ? new WorkflowForbiddenException(refused.get().message())
					: new WorkflowException(refused.get().message());
		}
		TakedownRecord record = this.publishing.takeDown(articleId, takedown, actor.email());
		moveTo(articleId, EditorialState.UNPUBLISHED);
		this.repository.insertEvent(articleId, WorkflowAction.UNPUBLISH, story.state(), EditorialState.UNPUBLISHED,
				story.workingRevisionId(), null, record.kind().name().toLowerCase(java.util.Locale.ROOT)
						+ ((record.explanation() != null) ? ": " + record.explanation() : ""),
				actor.email(), now);
		return record;
	}

	/**
	 * Brings an imported story to the state it had in its source, recording each move in
	 * its history and in the audit log as the importing person's: a draft stays a draft,
	 * a story waiting for review goes to review, and a published one is published with
	 * its own release instant (scheduled when that is still to come, backdated when past,
	 * without release work for news readers had long ago; see
	 * {@link Publishing#publishImported}).
	 * @param target {@code DRAFT}, {@code IN_REVIEW} or {@code PUBLISHED}
	 * @param releaseAt for {@code PUBLISHED}: the source's release instant
	 * @param note why, for the history and the audit log (the source and its item)
	 * @throws WorkflowForbiddenException when the person may not take the step
	 * @throws InvalidContentException when the story is not fit to publish, by field
	 */
	@Transactional
	public void imported(long articleId, EditorialState target, Instant releaseAt, Actor actor, String note) {
		Instant now = this.clock.instant();
		ArticleStanding story = this.repository.lock(articleId)
			.orElseThrow(() -> org.gazette.content.UnknownContentException.story(articleId));
		WorkflowAction action = switch (target) {
			case DRAFT -> null;
			case IN_REVIEW -> (story.state() == EditorialState.IN_REVIEW) ? null : WorkflowAction.SUBMIT;
			case PUBLISHED ->
				(releaseAt != null && releaseAt.isAfter(now)) ? WorkflowAction.SCHEDULE : WorkflowAction.PUBLISH;
			default -> throw new IllegalArgumentException("An import cannot make a story " + describe(target));
		};
		if (action == null) {
			this.audit.record(AuditRecord.of(actor.email(), "story.import", "story", articleId, note));
			return;
		}
		if (!actor.can(action.least())) {
			throw new WorkflowForbiddenException(
					"Only " + plural(action.least()) + " and up can " + verb(action) + "; import as one of them.");
		}
		if (target == EditorialState.PUBLISHED) {
			if (story.state() == EditorialState.PUBLISHED && !story.hasPendingDraft()) {
				this.audit.record(AuditRecord.of(actor.email(), "story.import", "story", articleId, note));
				return;
			}
			// Read once under the lock: checked here, published there.
			Revision revision = checkFitToPublish(story, now);
			this.publishing.publishImported(articleId, releaseAt, revision);
			this.repository.setSecondApprovalDue(articleId, false);
		}
		moveTo(articleId, target);
		this.repository.insertEvent(articleId, action, story.state(), target, story.workingRevisionId(),
				(action == WorkflowAction.SCHEDULE) ? releaseAt : null, note, actor.email(), now);
		this.audit.record(
				AuditRecord.of(actor.email(), "story.import", "story", articleId, note + " (" + action.code() + ")"));
	}

	/**
	 * As {@link #imported} for each of these stories, which an import has just created
	 * (in this transaction, with {@code Content#createStories}): the same rows, with a
	 * few statements for all of them instead of about twenty each (decision 0025). A
	 * story to publish must be fit to ({@link #isFitToPublish}); the caller checks.
	 * @throws WorkflowForbiddenException when the person may not take a step
	 */
	@Transactional
	public void importedAll(List<ImportedStory> stories, Actor actor) {
		Instant now = this.clock.instant();
		List<ImportedStory> published = new ArrayList<>();
		List<Long> inReview = new ArrayList<>();
		List<WorkflowRepository.NewEvent> events = new ArrayList<>();
		List<AuditRecord> audit = new ArrayList<>(stories.size());
		for (ImportedStory story : stories) {
			// A new story is a draft: as imported() decides for one.
			WorkflowAction action = switch (story.target()) {
				case DRAFT -> null;
				case IN_REVIEW -> WorkflowAction.SUBMIT;
				case PUBLISHED -> (story.releaseAt() != null && story.releaseAt().isAfter(now))
						? WorkflowAction.SCHEDULE : WorkflowAction.PUBLISH;
				default ->
					throw new IllegalArgumentException("An import cannot make a story " + describe(story.target()));
			};
			if (action == null) {
				audit.add(AuditRecord.of(actor.email(), "story.import", "story", story.articleId(), story.note()));
				continue;
			}
			if (!actor.can(action.least())) {
				throw new WorkflowForbiddenException(
						"Only " + plural(action.least()) + " and up can " + verb(action) + "; import as one of them.");
			}
			if (story.target() == EditorialState.PUBLISHED) {
				published.add(story);
			}
			else {
				inReview.add(story.articleId());
			}
			events.add(new WorkflowRepository.NewEvent(story.articleId(), action, EditorialState.DRAFT, story.target(),
					story.revisionId(), (action == WorkflowAction.SCHEDULE) ? story.releaseAt() : null, story.note(),
					actor.email(), now));
			audit.add(AuditRecord.of(actor.email(), "story.import", "story", story.articleId(),
					story.note() + " (" + action.code() + ")"));
		}
		// What imported() does after publishing (no second approval due, then the state)
		// leaves a new story's row as the publication did but for two more versions.
		this.publishing.publishImportedAll(published, 2);
		this.repository.importedAll(inReview, EditorialState.IN_REVIEW, 1);
		this.repository.insertEvents(events);
		this.audit.recordAll(audit);
	}

	/**
	 * Refuses a save to an archived story; call before saving a revision, in the save's
	 * transaction.
	 * @throws WorkflowException when the story is archived
	 */
	public void checkEditable(long articleId) {
		this.repository.standing(articleId).ifPresent((story) -> {
			if (story.state() == EditorialState.ARCHIVED) {
				throw new WorkflowException(
						"This story is archived: it is kept as it is. An admin can take it out of the archive.");
			}
		});
	}

	/**
	 * Moves the state after a new revision was saved, in the save's transaction: an
	 * approval does not cover text written after it, and a published story gets a new
	 * draft over the revision readers keep reading.
	 */
	@Transactional
	public void revised(long articleId, String by) {
		ArticleStanding story = this.repository.lock(articleId).orElseThrow();
		EditorialState to = switch (story.state()) {
			case APPROVED -> EditorialState.IN_REVIEW;
			case PUBLISHED -> (story.hasPendingDraft()) ? EditorialState.DRAFT : EditorialState.PUBLISHED;
			default -> story.state();
		};
		if (to != story.state()) {
			this.repository.changeState(articleId, to);
			this.repository.insertEvent(articleId, WorkflowAction.EDIT, story.state(), to, story.workingRevisionId(),
					null, null, by, this.clock.instant());
		}
	}

	/** The story's workflow actions, oldest first. */
	public List<WorkflowEvent> events(long articleId) {
		return this.repository.events(articleId);
	}

	/** Stories in the given state, most recently saved first. */
	public List<QueuedStory> inState(EditorialState state, int limit) {
		return this.repository.inState(state, limit);
	}

	/** Stories under embargo, soonest release first. */
	public List<QueuedStory> scheduled(int limit) {
		return this.repository.scheduled(this.clock.instant(), limit);
	}

	/** Stories force-published that still wait for a second person's approval. */
	public List<QueuedStory> awaitingSecondApproval(int limit) {
		return this.repository.awaitingSecondApproval(limit);
	}

	public boolean twoPersonRule() {
		return this.settings.twoPersonRule();
	}

	/** Why an action is refused, and whether it is the person's role that forbids it. */
	private record Refusal(String message, boolean forbidden) {

		static Refusal of(String message) {
			return (message != null) ? new Refusal(message, false) : null;
		}

		static Refusal role(String message) {
			return new Refusal(message, true);
		}

	}

	private Optional<Refusal> refusal(ArticleStanding story, Transition transition, Actor actor, Instant now) {
		WorkflowAction action = transition.action();
		if (!actor.can(action.least())) {
			return Optional.of(Refusal.role("Only " + plural(action.least()) + " and up can " + verb(action) + "."));
		}
		EditorialState state = story.state();
		boolean twoPersonBlocks = this.settings.twoPersonRule() && actor.is(story.lastAuthor());
		if (action == WorkflowAction.SUBMIT && !actor.can(org.gazette.accounts.Role.EDITOR)
				&& !actor.is(story.createdBy())) {
			return Optional.of(Refusal.role("Contributors submit only the stories they wrote."));
		}
		return Optional.ofNullable(Refusal.of(switch (action) {
			case SUBMIT -> (state != EditorialState.DRAFT)
					? "Only a draft can be submitted for review; this story is " + describe(state) + "." : null;
			case APPROVE -> (state != EditorialState.IN_REVIEW)
					? "Only a story in review can be approved; this story is " + describe(state) + "."
					: twoPersonBlocks ? "You saved the latest revision, so someone else must approve it." : null;
			case SEND_BACK -> (state != EditorialState.IN_REVIEW && state != EditorialState.APPROVED)
					? "Only a story in review or approved can be sent back; this story is " + describe(state) + "."
					: null;
			case PUBLISH -> publishRefusal(story, now, twoPersonBlocks);
			case FORCE_PUBLISH ->
				(!twoPersonBlocks) ? "Force-publishing is only for when you must publish alone; use Publish."
						: publishRefusal(story, now, false);
			case SCHEDULE -> scheduleRefusal(story, now, twoPersonBlocks);
			case RESCHEDULE,
					UNSCHEDULE ->
				!story.isScheduled(now) ? "This story is not scheduled."
						: (action == WorkflowAction.UNSCHEDULE && story.firstPublishedAt() != null
								&& story.firstPublishedAt().isBefore(story.releaseAt()))
										? "This story was public before; take it down instead." : null;
			case UNPUBLISH -> (story.unpublishedAt() != null && state == EditorialState.UNPUBLISHED) ? null
					: !story.isPublic(now)
							? (story.isScheduled(now) ? "This story is not public yet; call off its release instead."
									: "This story is not public.")
							: (state == EditorialState.ARCHIVED) ? "This story is archived." : null;
			case ARCHIVE -> (state == EditorialState.ARCHIVED) ? "This story is already archived."
					: story.isScheduled(now) ? "Call off the scheduled release before archiving this story." : null;
			case UNARCHIVE -> (state != EditorialState.ARCHIVED) ? "This story is not archived." : null;
			case CONFIRM -> !story.secondApprovalDue() ? "This story does not need a second approval."
					: (actor.is(story.lastAuthor())
							|| this.repository.lastForcePublisher(story.articleId()).map(actor::is).orElse(false))
									? "A second approval must come from someone who neither wrote nor published it."
									: null;
			case EDIT -> "Edits are saved from the editor.";
		}));
	}

	private String publishRefusal(ArticleStanding story, Instant now, boolean twoPersonBlocks) {
		EditorialState state = story.state();
		boolean startsHere = ON_THE_WAY.contains(state) || state == EditorialState.UNPUBLISHED
				|| (state == EditorialState.PUBLISHED && story.isScheduled(now));
		if (!startsHere) {
			return (state == EditorialState.PUBLISHED) ? "This story is already published."
					: "This story is " + describe(state) + ".";
		}
		if (ON_THE_WAY.contains(state) && !story.hasPendingDraft() && story.publishedRevisionId() != null) {
			return "This story is already published.";
		}
		return twoPersonBlocks ? "You saved the latest revision, so someone else must publish it." : null;
	}

	private String scheduleRefusal(ArticleStanding story, Instant now, boolean twoPersonBlocks) {
		if (story.isPublic(now)) {
			return "This story is live: publish the update now, or take the story down first.";
		}
		if (story.isScheduled(now)) {
			return "This story is already scheduled; change its release time instead.";
		}
		return publishRefusal(story, now, twoPersonBlocks);
	}

	private EditorialState carryOut(ArticleStanding story, Transition transition, Actor actor, Instant now) {
		long id = story.articleId();
		return switch (transition.action()) {
			case SUBMIT -> moveTo(id, EditorialState.IN_REVIEW);
			case APPROVE -> moveTo(id, EditorialState.APPROVED);
			case SEND_BACK -> moveTo(id, EditorialState.DRAFT);
			case PUBLISH, FORCE_PUBLISH -> {
				checkFitToPublish(story, now);
				// A scheduled story published now is released now.
				this.publishing.publish(id, story.isScheduled(now) ? now : null);
				// Published with the rule, or confirmed by this act: a later normal
				// publish by someone else counts as the second approval.
				this.repository.setSecondApprovalDue(id, transition.action() == WorkflowAction.FORCE_PUBLISH);
				yield EditorialState.PUBLISHED;
			}
			case SCHEDULE -> {
				checkFitToPublish(story, now);
				checkReleaseTime(transition.releaseAt(), now);
				this.publishing.publish(id, transition.releaseAt());
				this.repository.setSecondApprovalDue(id, false);
				yield EditorialState.PUBLISHED;
			}
			case RESCHEDULE -> {
				checkReleaseTime(transition.releaseAt(), now);
				this.publishing.reschedule(id, transition.releaseAt());
				yield EditorialState.PUBLISHED;
			}
			case UNSCHEDULE -> {
				this.publishing.unschedule(id);
				yield moveTo(id, EditorialState.APPROVED);
			}
			case UNPUBLISH -> {
				this.publishing.takeDown(id, Takedown.gone(blankToNull(transition.comment())), actor.email());
				yield moveTo(id, EditorialState.UNPUBLISHED);
			}
			case ARCHIVE -> moveTo(id, EditorialState.ARCHIVED);
			case UNARCHIVE -> moveTo(id, unarchived(story));
			case CONFIRM -> {
				this.repository.setSecondApprovalDue(id, false);
				yield story.state();
			}
			case EDIT -> throw new IllegalArgumentException("Edits are saved through Content");
		};
	}

	private EditorialState moveTo(long articleId, EditorialState state) {
		this.repository.changeState(articleId, state);
		return state;
	}

	private static EditorialState unarchived(ArticleStanding story) {
		if (story.publishedRevisionId() == null) {
			return EditorialState.DRAFT;
		}
		if (story.unpublishedAt() != null) {
			return EditorialState.UNPUBLISHED;
		}
		return story.hasPendingDraft() ? EditorialState.DRAFT : EditorialState.PUBLISHED;
	}

	/**
	 * What readers must get with every story: the rules a save checks, and what a draft
	 * may still lack but a publication may not.
	 */
	private Revision checkFitToPublish(ArticleStanding story, Instant now) {
		Revision revision = this.content.revision(story.workingRevisionId()).orElseThrow();
		List<InvalidContentException.Problem> problems = unfitToPublish(revision.title(), revision.summary(),
				revision.authorIds(), revision.bodyMarkdown());
		if (story.everReleased(now) && revision.changeKind() == ChangeKind.MAJOR
				&& (revision.changeNote() == null || revision.changeNote().isBlank())) {
			problems.add(new InvalidContentException.Problem("changeNote",
					"A major update needs a public change note saying what changed."));
		}
		if (!problems.isEmpty()) {
			throw InvalidContentException.of(problems);
		}
		return revision;
	}

	/**
	 * Whether a new story with this first revision could be published: for importers,
	 * which create with {@link #importedAll} only the stories {@link #imported} would not
	 * refuse, and leave the others to it, for its reasons.
	 */
	public boolean isFitToPublish(RevisionDraft draft) {
		return unfitToPublish(draft.title(), draft.summary(), draft.authorIds(), draft.bodyMarkdown()).isEmpty();
	}

	private static List<InvalidContentException.Problem> unfitToPublish(String title, String summary,
			List<Long> authorIds, String bodyMarkdown) {
		List<InvalidContentException.Problem> problems = new ArrayList<>();
		if (title == null || title.isBlank()) {
			problems.add(new InvalidContentException.Problem("title", "Give the story a title before publishing it."));
		}
		if (summary == null || summary.isBlank()) {
			problems.add(new InvalidContentException.Problem("summary",
					"Write a summary before publishing: lists, feeds and search show it."));
		}
		if (authorIds.isEmpty()) {
			problems
				.add(new InvalidContentException.Problem("authorIds", "Add at least one byline before publishing."));
		}
		if (bodyMarkdown == null || bodyMarkdown.isBlank()) {
			problems.add(new InvalidContentException.Problem("bodyMarkdown",
					"Write the story's body before publishing it."));
		}
		return problems;
	}

	private static void checkComment(Transition transition) {
		String comment = blankToNull(transition.comment());
		if (comment == null && transition.action() == WorkflowAction.SEND_BACK) {
			throw InvalidContentException.of("comment", "Say what needs to change: the writer sees your comment.");
		}
		if (comment == null && transition.action() == WorkflowAction.FORCE_PUBLISH) {
			throw InvalidContentException.of("comment", "Say why this cannot wait for a second person.");
		}
		if (comment != null && comment.length() > COMMENT_MAX) {
			throw InvalidContentException.of("comment",
					"Keep the comment to " + COMMENT_MAX + " characters or fewer; it has " + comment.length() + ".");
		}
	}

	private static void checkReleaseTime(Instant releaseAt, Instant now) {
		if (releaseAt == null) {
			throw InvalidContentException.of("releaseDate", "Choose the release date and time.");
		}
		if (!releaseAt.isAfter(now)) {
			throw InvalidContentException.of("releaseDate",
					"The release time has passed. Choose a time in the future, or publish now.");
		}
		if (releaseAt.isAfter(now.plus(FURTHEST_RELEASE))) {
			throw InvalidContentException.of("releaseDate", "Choose a release date within the next five years.");
		}
	}

	private static String describe(ArticleStanding story, Transition transition) {
		String details = story.title();
		if (transition.releaseAt() != null) {
			details += " (release " + transition.releaseAt() + ")";
		}
		String comment = blankToNull(transition.comment());
		return (comment != null) ? details + ": " + comment : details;
	}

	static String describe(EditorialState state) {
		return switch (state) {
			case DRAFT -> "a draft";
			case IN_REVIEW -> "in review";
			case APPROVED -> "approved";
			case PUBLISHED -> "published";
			case UNPUBLISHED -> "taken down";
			case ARCHIVED -> "archived";
		};
	}

	private static String plural(org.gazette.accounts.Role role) {
		return role.code() + "s";
	}

	private static String verb(WorkflowAction action) {
		return switch (action) {
			case SUBMIT -> "submit stories for review";
			case APPROVE -> "approve stories";
			case SEND_BACK -> "send stories back";
			case PUBLISH, FORCE_PUBLISH -> "publish stories";
			case SCHEDULE, RESCHEDULE, UNSCHEDULE -> "schedule stories";
			case UNPUBLISH -> "take stories down";
			case ARCHIVE, UNARCHIVE ->
				(action == WorkflowAction.ARCHIVE) ? "archive stories" : "take stories out of the archive";
			case CONFIRM -> "approve published stories";
			case EDIT -> "edit stories";
		};
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
