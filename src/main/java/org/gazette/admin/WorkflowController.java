package org.gazette.admin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.content.InvalidContentException;
import org.gazette.content.UnknownContentException;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.Actor;
import org.gazette.publishing.ArticleStanding;
import org.gazette.publishing.ReleaseTimes;
import org.gazette.publishing.Transition;
import org.gazette.publishing.Workflow;
import org.gazette.publishing.WorkflowAction;
import org.gazette.publishing.WorkflowException;
import org.gazette.publishing.WorkflowForbiddenException;
import org.gazette.site.Views;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The workflow's buttons on the editor page: submit, approve, send back, publish,
 * schedule and the rest, one address each (see docs/permissions.md). A refused action
 * answers 409 (403 for a role that lacks it) with the reason; a form problem shows the
 * editor page again with what was typed.
 */
@Controller
class WorkflowController {

	private static final String BASE = EditorController.SECTION + "/{id}/";

	private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US);

	private static final DateTimeFormatter US_TIME = DateTimeFormatter.ofPattern("h:mm[ ]a", Locale.US);

	private final Workflow workflow;

	private final EditorPageBuilder pages;

	private final StoryEditing editing;

	private final AdminChromeFactory chrome;

	private final StandingWords words;

	private final GazetteProperties properties;

	WorkflowController(Workflow workflow, EditorPageBuilder pages, StoryEditing editing, AdminChromeFactory chrome,
			StandingWords words, GazetteProperties properties) {
		this.workflow = workflow;
		this.pages = pages;
		this.editing = editing;
		this.chrome = chrome;
		this.words = words;
		this.properties = properties;
	}

	@PostMapping({ BASE + "submit", BASE + "approve", BASE + "send-back", BASE + "publish", BASE + "force-publish",
			BASE + "schedule", BASE + "reschedule", BASE + "unschedule", BASE + "archive", BASE + "unarchive",
			BASE + "confirm" })
	ModelAndView act(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "-1") String version, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String releaseDate, @RequestParam(required = false) String releaseTime) {
		String uri = request.getRequestURI();
		WorkflowAction action = WorkflowAction.fromCode(uri.substring(uri.lastIndexOf('/') + 1)).orElseThrow();
		WorkflowInput typed = new WorkflowInput(action, comment, releaseDate, releaseTime);
		try {
			Actor actor = EditorPageBuilder.actor(user());
			// Someone who may not take the step is told so, whatever they typed.
			java.time.Instant releaseAt = (needsTime(action) && actor.can(action.least()))
					? releaseInstant(releaseDate, releaseTime) : null;
			this.workflow.apply(id, parseVersion(version), new Transition(action, releaseAt, comment), actor);
		}
		catch (UnknownContentException ex) {
			throw new AdminNotFoundException();
		}
		catch (WorkflowForbiddenException ex) {
			return refused(request, id, HttpStatus.FORBIDDEN, "You cannot do this", ex.getMessage());
		}
		catch (WorkflowException ex) {
			return refused(request, id, HttpStatus.CONFLICT, "Nothing was done", ex.getMessage());
		}
		catch (InvalidContentException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldProblems()
				.forEach((problem) -> errors.putIfAbsent(fieldFor(problem.field(), action), problem.message()));
			return AdminViews.view("admin/storyEditor",
					this.pages.edit(request, this.editing.open(id, user()), null, errors, null, typed),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		// A contributor's submitted story is out of their hands until it comes back.
		boolean stillEditable = this.editing.mayOpen(id, user());
		ModelAndView view = new ModelAndView("redirect:" + (stillEditable
				? EditorController.SECTION + "/" + id + "/edit?done=" + action.code() : "/admin?submitted=" + id));
		view.setStatus(HttpStatus.SEE_OTHER);
		return view;
	}

	/** The editor page's confirmation after an action, in plain words. */
	static String doneNotice(String code, ArticleStanding story, StandingWords words) {
		return WorkflowAction.fromCode(code).map((action) -> switch (action) {
			case SUBMIT -> "Submitted for review. Editors see it on their dashboard.";
			case APPROVE -> "Approved. A publisher can now publish or schedule it.";
			case SEND_BACK -> "Sent back to the writer with your comment.";
			case PUBLISH -> "Published. Readers can read it now.";
			case FORCE_PUBLISH -> "Published without a second approval. The story is listed on the dashboard until "
					+ "an editor who neither wrote nor published it confirms it.";
			case SCHEDULE, RESCHEDULE ->
				(story.releaseAt() != null) ? "Scheduled for " + words.when(story.releaseAt()) + "." : "Scheduled.";
			case UNSCHEDULE -> "Release called off. The story is approved and waits for a publisher.";
			case UNPUBLISH -> "Taken down. Readers can no longer see it.";
			case ARCHIVE -> "Archived.";
			case UNARCHIVE -> "Taken out of the archive.";
			case CONFIRM -> "Confirmed. The story no longer waits for a second approval.";
			case EDIT -> null;
		}).orElse(null);
	}

	static boolean needsTime(WorkflowAction action) {
		return action == WorkflowAction.SCHEDULE || action == WorkflowAction.RESCHEDULE;
	}

	/**
	 * The instant the editor chose: ISO values from the browser's date and time fields,
	 * or what a person types where those fields are plain text (12/2/2026, 9:30 AM).
	 */
	private java.time.Instant releaseInstant(String dateText, String timeText) {
		List<InvalidContentException.Problem> problems = new java.util.ArrayList<>();
		LocalDate date = parse(dateText, "releaseDate", "Enter the release date, for example 2026-12-02.", problems,
				(text) -> LocalDate.parse(text), (text) -> LocalDate.parse(text, US_DATE));
		LocalTime time = parse(timeText, "releaseTime", "Enter the release time, for example 09:30 or 9:30 AM.",
				problems, (text) -> LocalTime.parse(text),
				(text) -> LocalTime.parse(text.toUpperCase(Locale.US), US_TIME));
		if (!problems.isEmpty()) {
			throw InvalidContentException.of(problems);
		}
		return ReleaseTimes.resolve(date, time, this.properties.timeZone());
	}

	private static <T> T parse(String text, String field, String message,
			List<InvalidContentException.Problem> problems, java.util.function.Function<String, T> iso,
			java.util.function.Function<String, T> typed) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty() || value.length() > 30) {
			problems.add(new InvalidContentException.Problem(field, message));
			return null;
		}
		try {
			return iso.apply(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return typed.apply(value);
			}
			catch (DateTimeParseException again) {
				problems.add(new InvalidContentException.Problem(field, message));
				return null;
			}
		}
	}

	private static int parseVersion(String version) {
		try {
			return Integer.parseInt(version.strip());
		}
		catch (NumberFormatException ex) {
			// A page that sent no version saw no particular state: refuse as stale.
			return -1;
		}
	}

	/**
	 * Problems about the action's own fields stay next to them; the rest name the form's.
	 */
	private static String fieldFor(String field, WorkflowAction action) {
		if (field.isEmpty() || field.equals("comment")) {
			return "comment-" + action.code();
		}
		return field;
	}

	private ModelAndView refused(HttpServletRequest request, long id, HttpStatus status, String heading,
			String message) {
		return AdminViews.view("admin/error",
				new AdminPages.AdminErrorPage(this.chrome.chrome(request, heading, EditorController.SECTION),
						status.value(), heading, message,
						new Views.Link("Back to the story", EditorController.SECTION + "/" + id + "/edit")),
				status);
	}

	private static org.gazette.accounts.SignedInUser user() {
		return AdminChromeFactory.currentUser();
	}

	/** What was typed into an action's form, kept to show again after a problem. */
	record WorkflowInput(WorkflowAction action, String comment, String releaseDate, String releaseTime) {
	}

}
