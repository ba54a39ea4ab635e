package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.SignedInUser;
import org.gazette.admin.HistoryPages.FieldChange;
import org.gazette.content.Content;
import org.gazette.content.EditConflictException;
import org.gazette.content.EditableArticle;
import org.gazette.content.FieldDiff;
import org.gazette.content.RevisionDiff;
import org.gazette.content.RevisionSummary;
import org.gazette.content.SavedRevision;
import org.gazette.publishing.Workflow;
import org.gazette.publishing.WorkflowEvent;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A story's revisions: the list, a comparison of any two, and restoring one (after a
 * confirmation that shows what would change).
 */
@Controller
class HistoryController {

	private static final String SECTION = ArticleListController.SECTION;

	private static final String STORY = SECTION + "/{id}";

	private static final Map<String, String> LABELS = Map.of("type", "Kind of story", "title", "Title", "summary",
			"Summary", "dateline", "Dateline", "bylines", "Bylines", "topics", "Topics", "body", "Body", "hero",
			"Hero image", "documents", "Documents");

	private final Content content;

	private final AuditedChanges changes;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	private final Workflow workflow;

	private final StandingWords words;

	HistoryController(Content content, AuditedChanges changes, AdminChromeFactory chrome, AdminFormats formats,
			Workflow workflow, StandingWords words) {
		this.content = content;
		this.changes = changes;
		this.chrome = chrome;
		this.formats = formats;
		this.workflow = workflow;
		this.words = words;
	}

	@GetMapping(STORY + "/history")
	ModelAndView history(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) String restored, @RequestParam(name = "as", required = false) String as) {
		EditableArticle article = story(id);
		String notice = (number(restored) > 0 && number(as) > 0)
				? "Revision " + number(restored) + " is restored, as the new revision " + number(as) + "." : null;
		return AdminViews.view("admin/history",
				new HistoryPages.HistoryPage(this.chrome.chrome(request, "History of " + title(article), SECTION),
						this.formats, id, title(article), this.content.history(id), this.changes.mayRestore(id, user()),
						notice, steps(id)));
	}

	@GetMapping(STORY + "/compare")
	ModelAndView compare(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
		EditableArticle article = story(id);
		List<RevisionSummary> revisions = this.content.history(id);
		Map<String, String> errors = new LinkedHashMap<>();
		int older = number(from);
		int newer = number(to);
		if (older < 1) {
			errors.put("from", "Choose the revision to compare from.");
		}
		if (newer < 1) {
			errors.put("to", "Choose the revision to compare with.");
		}
		String title = "Compare revisions of " + title(article);
		if (!errors.isEmpty()) {
			return AdminViews.view("admin/compare",
					new HistoryPages.ComparePage(this.chrome.chrome(request, title, SECTION), this.formats, id,
							title(article), revisions, cut(from), cut(to), null, null, List.of(), errors),
					HttpStatus.BAD_REQUEST);
		}
		RevisionSummary fromRevision = revision(revisions, older);
		RevisionSummary toRevision = revision(revisions, newer);
		return AdminViews.view("admin/compare",
				new HistoryPages.ComparePage(this.chrome.chrome(request, title, SECTION), this.formats, id,
						title(article), revisions, from, to, fromRevision, toRevision,
						changes(this.content.compare(id, older, newer)), Map.of()));
	}

	@GetMapping(STORY + "/restore")
	ModelAndView confirmRestore(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String revision) {
		EditableArticle article = story(id);
		if (!this.changes.mayRestore(id, user())) {
			throw new AccessDeniedException("Only editors restore stories other than their own drafts.");
		}
		return restorePage(request, article, revision(this.content.history(id), number(revision)), Map.of(),
				HttpStatus.OK);
	}

	@PostMapping(STORY + "/restore")
	ModelAndView restore(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String revision, @RequestParam(defaultValue = "") String version) {
		EditableArticle article = story(id);
		RevisionSummary chosen = revision(this.content.history(id), number(revision));
		int expected = number(version);
		if (expected < 1) {
			return restorePage(request, article, chosen,
					Map.of("restore", "This form is incomplete. Open the story's history and try again."),
					HttpStatus.BAD_REQUEST);
		}
		try {
			SavedRevision saved = this.changes.restore(id, chosen.number(), expected, user(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + ArticleListController.SECTION + "/" + id + "/history?restored="
					+ chosen.number() + "&as=" + saved.number());
		}
		catch (EditConflictException ex) {
			RevisionSummary working = this.content.history(id).get(0);
			return restorePage(request, ex.current(), chosen, Map.of("restore",
					"Someone saved this story since you opened this page: revision " + working.number() + " by "
							+ working.createdBy() + ", " + this.formats.dateTime(working.createdAt())
							+ ". Check what restoring would change now, and restore again if you still want to."),
					HttpStatus.CONFLICT);
		}
	}

	private ModelAndView restorePage(HttpServletRequest request, EditableArticle article, RevisionSummary revision,
			Map<String, String> errors, HttpStatus status) {
		RevisionSummary working = this.content.history(article.id()).get(0);
		RevisionDiff diff = this.content.compare(article.id(), working.number(), revision.number());
		return AdminViews.view("admin/restore",
				new HistoryPages.RestorePage(
						this.chrome.chrome(request, "Restore revision " + revision.number() + " of " + title(article),
								SECTION),
						this.formats, article.id(), title(article), revision, working, article.version(), changes(diff),
						errors),
				status);
	}

	private EditableArticle story(long id) {
		return this.content.editable(id)
			.filter((article) -> article.workingRevision() != null)
			.orElseThrow(AdminNotFoundException::new);
	}

	private static String title(EditableArticle article) {
		return article.workingRevision().title();
	}

	private static RevisionSummary revision(List<RevisionSummary> revisions, int number) {
		return revisions.stream()
			.filter((revision) -> revision.number() == number)
			.findFirst()
			.orElseThrow(AdminNotFoundException::new);
	}

	/**
	 * What the editor calls a compared field: the same words on the history and conflict
	 * pages.
	 */
	static String label(FieldDiff field) {
		return LABELS.getOrDefault(field.field(), field.field());
	}

	static List<FieldChange> changes(RevisionDiff diff) {
		return diff.changes()
			.stream()
			.map((FieldDiff field) -> new FieldChange(label(field), field,
					field.field().equals("body") || field.field().equals("summary")))
			.toList();
	}

	/** A positive number as typed, or -1 for anything else. */
	private static int number(String typed) {
		return (typed != null && typed.matches("[0-9]{1,9}")) ? Integer.parseInt(typed) : -1;
	}

	private static String cut(String typed) {
		return (typed.length() > 20) ? typed.substring(0, 20) : typed;
	}

	private static SignedInUser user() {
		return AdminChromeFactory.currentUser();
	}

	private List<HistoryPages.WorkflowStep> steps(long id) {
		List<HistoryPages.WorkflowStep> steps = new java.util.ArrayList<>();
		for (WorkflowEvent event : this.workflow.events(id)) {
			steps.add(0,
					new HistoryPages.WorkflowStep(event.occurredAt(), event.actor(), what(event), event.comment()));
		}
		return steps;
	}

	private String what(WorkflowEvent event) {
		String revision = (event.revisionNumber() != null) ? "revision " + event.revisionNumber() : "the story";
		return switch (event.action()) {
			case SUBMIT -> "Submitted " + revision + " for review";
			case APPROVE -> "Approved " + revision;
			case SEND_BACK -> "Sent " + revision + " back to the writer";
			case PUBLISH -> "Published " + revision;
			case FORCE_PUBLISH -> "Published " + revision + " without a second approval";
			case SCHEDULE -> "Scheduled " + revision + " for " + this.words.when(event.releaseAt());
			case RESCHEDULE -> "Moved the release to " + this.words.when(event.releaseAt());
			case UNSCHEDULE -> "Called off the release";
			case UNPUBLISH -> "Took the story down";
			case ARCHIVE -> "Archived the story";
			case UNARCHIVE -> "Took the story out of the archive";
			case CONFIRM -> "Confirmed the published story (second approval)";
			case EDIT -> (event.to() == org.gazette.publishing.EditorialState.IN_REVIEW)
					? "Saved " + revision + " after approval: it needs approving again"
					: "Started " + revision + " as a new draft over the published story";
		};
	}

}
