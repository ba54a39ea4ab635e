package org.gazette.admin;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.accounts.SignedInUser;
import org.gazette.content.DraftPreview;
import org.gazette.content.EditConflictException;
import org.gazette.content.EditableArticle;
import org.gazette.content.SavedRevision;
import org.gazette.publishing.Workflow;
import org.gazette.publishing.WorkflowException;
import org.gazette.site.StoryPreviews;
import org.gazette.site.Views;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Writing a story and editing it: the form, saving (a stale save gets the conflict page,
 * never a silent overwrite), the preview through the public story template, and the
 * page's own saves every 30 seconds.
 */
@Controller
class EditorController {

	static final String SECTION = "/admin/articles";

	private final StoryEditing editing;

	private final EditorPageBuilder pages;

	private final StoryPreviews previews;

	private final AdminChromeFactory chrome;

	private final Clock clock;

	private final Workflow workflow;

	private final StandingWords words;

	EditorController(StoryEditing editing, EditorPageBuilder pages, StoryPreviews previews, AdminChromeFactory chrome,
			Clock clock, Workflow workflow, StandingWords words) {
		this.editing = editing;
		this.pages = pages;
		this.previews = previews;
		this.chrome = chrome;
		this.clock = clock;
		this.workflow = workflow;
		this.words = words;
	}

	@GetMapping(SECTION + "/new")
	ModelAndView newStory(HttpServletRequest request) {
		return AdminViews.view("admin/storyEditor", this.pages.newStory(request, ArticleForm.empty(), Map.of()));
	}

	@PostMapping(SECTION)
	ModelAndView create(HttpServletRequest request, @ModelAttribute ArticleForm form) {
		try {
			long id = this.editing.create(form, user());
			return redirect(SECTION + "/" + id + "/edit?created");
		}
		catch (FormProblems ex) {
			return AdminViews.view("admin/storyEditor", this.pages.newStory(request, form, ex.byField()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping(SECTION + "/{id}/edit")
	ModelAndView edit(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String saved,
			@RequestParam(required = false) String created, @RequestParam(required = false) String done) {
		EditableArticle article = this.editing.openToRead(id, user());
		if (!StoryEditing.mayEdit(user(), article)) {
			// A contributor's own story after it left their hands: they may still read
			// it.
			return redirect(SECTION + "/" + id + "/preview");
		}
		String notice = (created != null) ? "Story created. It is a draft: readers cannot see it."
				: (saved != null) ? "Saved." : null;
		if (done != null && notice == null) {
			notice = this.workflow.standing(id)
				.map((story) -> WorkflowController.doneNotice(done, story, this.words))
				.orElse(null);
		}
		return AdminViews.view("admin/storyEditor",
				this.pages.edit(request, article, ArticleForm.of(article), Map.of(), notice));
	}

	/**
	 * Saves, or with {@code intent=edit} (from the conflict page) opens the editor on the
	 * posted text without saving it.
	 */
	@PostMapping(SECTION + "/{id}")
	ModelAndView save(HttpServletRequest request, @PathVariable long id, @ModelAttribute ArticleForm form,
			@RequestParam(defaultValue = "save") String intent) {
		if (intent.equals("edit")) {
			EditableArticle article = this.editing.open(id, user());
			return AdminViews.view("admin/storyEditor", this.pages.edit(request, article, form, Map.of(),
					"Your version is back in the editor. Saving it replaces the version saved since."));
		}
		try {
			this.editing.save(id, form, user(), false);
			return redirect(SECTION + "/" + id + "/edit?saved");
		}
		catch (EditConflictException ex) {
			return AdminViews.view("admin/storyConflict", this.pages.conflict(request, id, ex, form),
					HttpStatus.CONFLICT);
		}
		catch (WorkflowException ex) {
			return AdminViews.view("admin/error",
					new AdminPages.AdminErrorPage(this.chrome.chrome(request, "Not saved", SECTION), 409, "Not saved",
							ex.getMessage(), new Views.Link("Back to the story", SECTION + "/" + id + "/edit")),
					HttpStatus.CONFLICT);
		}
		catch (FormProblems ex) {
			return AdminViews.view("admin/storyEditor",
					this.pages.edit(request, this.editing.open(id, user()), form, ex.byField(), null),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	/** The page's own save: JSON, with the same rules as the form's. */
	@PostMapping(SECTION + "/{id}/autosave")
	ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, @ModelAttribute ArticleForm form) {
		try {
			SavedRevision saved = this.editing.save(id, form, user(), true);
			return ResponseEntity.ok(Map.of("status", "saved", "version", saved.version(), "message",
					"Saved at " + this.pages.time(this.clock.instant())));
		}
		catch (EditConflictException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("status", "conflict", "message", "Not saved: " + ex.theirs().createdBy()
						+ " saved this story since you opened it. Press Save to compare the two versions."));
		}
		catch (FormProblems ex) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.body(Map.of("status", "invalid", "message",
						"Not saved yet: " + String.join(" ", ex.byField().values()), "problems", ex.byField()));
		}
	}

	@PostMapping(SECTION + "/preview")
	ModelAndView previewNew(HttpServletResponse response, @ModelAttribute ArticleForm form) {
		return preview(response, this.editing.preview(form), null,
				new Views.Link("Back to the editor", SECTION + "/new"));
	}

	@PostMapping(SECTION + "/{id}/preview")
	ModelAndView previewDraft(HttpServletResponse response, @PathVariable long id, @ModelAttribute ArticleForm form) {
		EditableArticle article = this.editing.open(id, user());
		return preview(response, this.editing.preview(form), article,
				new Views.Link("Back to the editor", SECTION + "/" + id + "/edit"));
	}

	/** The working revision, as saved. */
	@GetMapping(SECTION + "/{id}/preview")
	ModelAndView previewSaved(HttpServletResponse response, @PathVariable long id) {
		EditableArticle article = this.editing.openToRead(id, user());
		Views.Link back = StoryEditing.mayEdit(user(), article)
				? new Views.Link("Back to the editor", SECTION + "/" + id + "/edit")
				: new Views.Link("Back to the dashboard (this story is with the editors; only they can change it now)",
						"/admin");
		return preview(response, this.editing.preview(ArticleForm.of(article)), article, back);
	}

	@ExceptionHandler(FormProblems.class)
	ModelAndView unpreviewable(HttpServletRequest request, FormProblems ex) {
		return AdminViews.view("admin/error",
				new AdminPages.AdminErrorPage(this.chrome.chrome(request, "Cannot preview", SECTION), 422,
						"Cannot preview this story", String.join(" ", ex.byField().values())),
				HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView notYours(HttpServletRequest request) {
		return AdminViews.view("admin/error",
				new AdminPages.AdminErrorPage(this.chrome.chrome(request, "Not your story", SECTION), 403,
						"You cannot edit this story",
						"Contributors edit the drafts they created. Ask an editor to make this change."),
				HttpStatus.FORBIDDEN);
	}

	private ModelAndView preview(HttpServletResponse response, DraftPreview preview, EditableArticle article,
			Views.Link back) {
		// Never for search engines, never kept by a browser or proxy; rendered here, so
		// it
		// never enters the public page cache.
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		response.setHeader("Cache-Control", "no-store");
		return AdminViews.view(StoryPreviews.TEMPLATE,
				this.previews.page(preview, (article != null) ? article.releaseAt() : null, back));
	}

	private static ModelAndView redirect(String path) {
		// 303: the browser follows with a GET, so reloading does not post the form again.
		ModelAndView view = new ModelAndView("redirect:" + path);
		view.setStatus(HttpStatus.SEE_OTHER);
		return view;
	}

	private static SignedInUser user() {
		return AdminChromeFactory.currentUser();
	}

}
