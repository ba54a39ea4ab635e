package org.gazette.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.EditConflictException;
import org.gazette.content.EditableArticle;
import org.gazette.content.FieldDiff;
import org.gazette.content.RevisionDiff;
import org.gazette.content.Topic;
import org.gazette.accounts.SignedInUser;
import org.gazette.media.MediaLibrary;
import org.gazette.platform.SiteDates;
import org.gazette.publishing.Actor;
import org.gazette.publishing.ArticleStanding;
import org.gazette.publishing.Workflow;
import org.gazette.publishing.WorkflowAction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the story editor's pages ({@link EditorPages}). */
@Component
class EditorPageBuilder {

	/**
	 * Byline positions offered beyond those filled, so a new author can be added without
	 * script.
	 */
	static final int SPARE_BYLINES = 2;

	/** The summary's limit, shown by the length counter; the content rules enforce it. */
	static final int SUMMARY_MAX = 1000;

	private static final List<String> FIELD_ORDER = List.of("", "title", "slug", "type", "authorIds", "topicIds",
			"summary", "dateline", "bodyMarkdown", "heroMediaId", "documentIds", "changeKind", "changeNote", "message");

	private final Content content;

	private final AdminChromeFactory chrome;

	private final MessageSource messages;

	private final SiteDates dates;

	private final Workflow workflow;

	private final StandingWords words;

	private final Clock clock;

	private final MediaChoices mediaChoices;

	EditorPageBuilder(Content content, AdminChromeFactory chrome, MessageSource messages, SiteDates dates,
			Workflow workflow, StandingWords words, MediaLibrary media, Clock clock) {
		this.content = content;
		this.mediaChoices = new MediaChoices(media);
		this.chrome = chrome;
		this.messages = messages;
		this.dates = dates;
		this.workflow = workflow;
		this.words = words;
		this.clock = clock;
	}

	static Actor actor(SignedInUser user) {
		return new Actor(user.email(), user.role());
	}

	EditorPages.EditorPage newStory(jakarta.servlet.http.HttpServletRequest request, ArticleForm form,
			Map<String, String> errors) {
		return new EditorPages.EditorPage(
				this.chrome.chrome(request, errors.isEmpty() ? "New story" : "Error: New story",
						EditorController.SECTION),
				"New story", "/admin/articles", "/admin/articles/preview", null, null, null, "new", form, types(form),
				bylines(form), topics(form), false, true, null, null, ordered(errors), SUMMARY_MAX, null,
				this.mediaChoices.picker(form));
	}

	EditorPages.EditorPage edit(jakarta.servlet.http.HttpServletRequest request, EditableArticle article,
			ArticleForm form, Map<String, String> errors, String notice) {
		return edit(request, article, form, errors, notice, null);
	}

	/**
	 * The editor page.
	 * @param form what to show in the story's fields; null for the story as saved
	 * @param typed what was typed into a workflow action's form that was refused, or null
	 */
	EditorPages.EditorPage edit(jakarta.servlet.http.HttpServletRequest request, EditableArticle article,
			ArticleForm form, Map<String, String> errors, String notice, WorkflowController.WorkflowInput typed) {
		if (form == null) {
			form = ArticleForm.of(article);
		}
		String base = "/admin/articles/" + article.id();
		String title = "Edit: " + article.workingRevision().title();
		var saved = article.workingRevision();
		return new EditorPages.EditorPage(
				this.chrome.chrome(request, errors.isEmpty() ? title : "Error: " + title, EditorController.SECTION),
				"Edit story", base, base + "/preview",
				("draft".equals(article.state()) && !article.everPublished()) ? base + "/autosave" : null,
				base + "/history", article.everPublished() ? "/news/" + article.slug() : null,
				Long.toString(article.id()), form, types(form), bylines(form), topics(form), article.everPublished(),
				article.slugEditable(),
				"Revision " + saved.number() + ", saved by " + saved.createdBy() + " on " + savedAt(saved.createdAt()),
				notice, ordered(errors), SUMMARY_MAX, workflowPanel(article.id(), errors, typed),
				this.mediaChoices.picker(form));
	}

	private EditorPages.WorkflowPanel workflowPanel(long articleId, Map<String, String> errors,
			WorkflowController.WorkflowInput typed) {
		ArticleStanding story = this.workflow.standing(articleId).orElse(null);
		if (story == null) {
			return null;
		}
		Actor actor = actor(AdminChromeFactory.currentUser());
		String base = "/admin/articles/" + articleId + "/";
		List<EditorPages.ActionForm> actions = new ArrayList<>();
		for (WorkflowAction action : this.workflow.actionsFor(story, actor)) {
			actions.add(actionForm(action, story, base));
		}
		String warning = null;
		if (story.secondApprovalDue()) {
			warning = "Published without a second approval. An editor who neither wrote nor published it "
					+ "should read it and confirm it.";
		}
		else if (this.workflow.twoPersonRule() && actor.is(story.lastAuthor())
				&& this.workflow.whyNot(story, WorkflowAction.FORCE_PUBLISH, actor).isEmpty()) {
			warning = "You saved the latest revision, so someone else must approve and publish it "
					+ "(the two-person rule).";
		}
		ZonedDateTime suggestion = (story.releaseAt() != null && story.isScheduled(this.clock.instant()))
				? story.releaseAt().atZone(this.dates.zone())
				: this.clock.instant()
					.atZone(this.dates.zone())
					.plusDays(1)
					.withHour(9)
					.withMinute(0)
					.withSecond(0)
					.withNano(0);
		Map<String, String> comments = new LinkedHashMap<>();
		String date = suggestion.toLocalDate().toString();
		String time = suggestion.toLocalTime().withSecond(0).withNano(0).toString();
		if (typed != null) {
			if (typed.comment() != null) {
				comments.put(typed.action().code(), typed.comment());
			}
			if (WorkflowController.needsTime(typed.action())) {
				date = (typed.releaseDate() != null) ? typed.releaseDate() : "";
				time = (typed.releaseTime() != null) ? typed.releaseTime() : "";
			}
		}
		return new EditorPages.WorkflowPanel(this.words.status(story), this.words.details(story), warning,
				story.version(), actions,
				this.dates.zone().getDisplayName(TextStyle.FULL, Locale.US) + " (" + this.dates.zone().getId() + ")",
				date, time, comments, errors);
	}

	private static EditorPages.ActionForm actionForm(WorkflowAction action, ArticleStanding story, String base) {
		String url = base + action.code();
		return switch (action) {
			case SUBMIT -> new EditorPages.ActionForm(action.code(), "Submit for review", url,
					"Editors see it on their dashboard. It cannot be edited by its writer while in review.", false,
					null, false, "primary");
			case APPROVE -> new EditorPages.ActionForm(action.code(), "Approve", url,
					"A publisher can then publish or schedule it.", false, null, false, "primary");
			case SEND_BACK -> new EditorPages.ActionForm(action.code(), "Send back to the writer", url,
					"The story goes back to being a draft; the writer sees your comment in its history.", true,
					"What needs to change", false, "secondary");
			case PUBLISH -> new EditorPages.ActionForm(action.code(),
					story.hasPendingDraft() ? "Publish this update now" : "Publish now", url,
					story.hasPendingDraft()
							? "Readers get this revision at once. A major update shows its change note on the story."
							: "Readers can read it at once: on the site, in search, feeds and the API.",
					false, null, false, "primary");
			case FORCE_PUBLISH -> new EditorPages.ActionForm(action.code(), "Publish alone (emergency)", url,
					"Only when it cannot wait for a second person. The story is flagged on the dashboard until an "
							+ "editor confirms it.",
					true, "Why it cannot wait", false, "warning");
			case SCHEDULE -> new EditorPages.ActionForm(action.code(), "Schedule", url,
					"The story stays under embargo until then.", false, null, true, "primary");
			case RESCHEDULE -> new EditorPages.ActionForm(action.code(), "Change the release time", url,
					"The story stays under embargo until the new time.", false, null, true, "secondary");
			case UNSCHEDULE -> new EditorPages.ActionForm(action.code(), "Call off the release", url,
					"The story goes back to approved; readers never see it.", false, null, false, "secondary");
			case UNPUBLISH -> new EditorPages.ActionForm(action.code(),
					(story.unpublishedAt() != null) ? "Change why it was taken down" : "Take down…", base + "take-down",
					"Choose why, and what its address answers: gone, a redirect, the story it was merged into, "
							+ "or the story under a withdrawal notice.",
					false, null, false, "link");
			case ARCHIVE -> new EditorPages.ActionForm(action.code(), "Archive", url,
					"Keeps the story as it is; nobody can edit it until an admin takes it out of the archive.", false,
					null, false, "secondary");
			case UNARCHIVE -> new EditorPages.ActionForm(action.code(), "Take out of the archive", url,
					"The story can be edited again.", false, null, false, "secondary");
			case CONFIRM -> new EditorPages.ActionForm(action.code(), "Confirm what was published", url,
					"Says you have read the published story and approve it.", false, null, false, "primary");
			case EDIT -> throw new IllegalArgumentException("not a button");
		};
	}

	EditorPages.ConflictPage conflict(jakarta.servlet.http.HttpServletRequest request, long articleId,
			EditConflictException ex, ArticleForm mine) {
		var theirs = ex.theirs();
		RevisionDiff diff = this.content.compare(theirs.toDraft(), ex.attempted());
		List<EditorPages.DiffRow> changed = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		for (FieldDiff field : diff.fields()) {
			String label = HistoryController.label(field);
			if (field.changed()) {
				changed.add(new EditorPages.DiffRow(label, field.segments(), field.before(), field.after()));
			}
			else {
				unchanged.add(label);
			}
		}
		String base = "/admin/articles/" + articleId;
		return new EditorPages.ConflictPage(
				this.chrome.chrome(request, "Someone else saved this story", EditorController.SECTION), base,
				base + "/edit", theirs.createdBy(), savedAt(theirs.createdAt()), theirs.number(),
				mine.withVersion(ex.current().version()), changed, String.join(", ", unchanged));
	}

	String savedAt(Instant instant) {
		return this.dates.dateTime(instant);
	}

	/** "10:42 AM" in the site's time zone, for the autosave status. */
	String time(Instant instant) {
		return this.dates.time(instant);
	}

	private List<EditorPages.Choice> types(ArticleForm form) {
		return Arrays.stream(ArticleType.values())
			.map((type) -> new EditorPages.Choice(type.code(),
					this.messages.getMessage("type." + type.code(), null, type.code(), Locale.US),
					type.code().equals(form.type())))
			.toList();
	}

	private List<EditorPages.BylineSlot> bylines(ArticleForm form) {
		List<Author> authors = this.content.authors();
		List<String> chosen = form.authorIds().stream().filter((id) -> !id.isBlank()).toList();
		int slots = chosen.size() + SPARE_BYLINES;
		List<EditorPages.BylineSlot> result = new ArrayList<>();
		for (int i = 0; i < slots; i++) {
			String value = (i < chosen.size()) ? chosen.get(i).strip() : "";
			List<EditorPages.Choice> choices = new ArrayList<>();
			boolean known = value.isEmpty();
			for (Author author : authors) {
				boolean selected = Long.toString(author.id()).equals(value);
				known |= selected;
				choices.add(new EditorPages.Choice(Long.toString(author.id()), author.name(), selected));
			}
			if (!known) {
				// An author merged or removed since: kept, so saving does not drop it
				// unseen.
				choices.add(0,
						new EditorPages.Choice(value,
								this.content.author(parse(value))
									.map((a) -> a.name() + " (merged)")
									.orElse("Unknown author " + value),
								true));
			}
			result.add(new EditorPages.BylineSlot(i + 1, choices));
		}
		return result;
	}

	private List<EditorPages.Choice> topics(ArticleForm form) {
		List<EditorPages.Choice> choices = new ArrayList<>();
		for (Topic topic : this.content.topics()) {
			choices.add(new EditorPages.Choice(Long.toString(topic.id()), topic.name(),
					form.topicIds().contains(Long.toString(topic.id()))));
		}
		return choices;
	}

	private static long parse(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Map<String, String> ordered(Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		FIELD_ORDER.stream().filter(errors::containsKey).forEach((field) -> ordered.put(field, errors.get(field)));
		errors.forEach(ordered::putIfAbsent);
		// Problems about no field point at the form's heading.
		if (ordered.containsKey("")) {
			String general = ordered.remove("");
			Map<String, String> withGeneral = new LinkedHashMap<>();
			withGeneral.put("story-form", general);
			withGeneral.putAll(ordered);
			return withGeneral;
		}
		return ordered;
	}

}
