package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.content.Content;
import org.gazette.content.EditableArticle;
import org.gazette.content.InvalidContentException;
import org.gazette.content.UnknownContentException;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.TakedownRecord;
import org.gazette.platform.SiteUrls;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Publishers and admins take a published story down, choosing what its address answers
 * from then on. The editorial workflow's "unpublish" comes here too.
 */
@Controller
class TakedownController {

	private static final String PATH = EditorController.SECTION + "/{id}/take-down";

	private final Content content;

	private final Publishing publishing;

	private final PublicAddressChanges changes;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	private final SiteUrls urls;

	TakedownController(Content content, Publishing publishing, PublicAddressChanges changes, AdminChromeFactory chrome,
			AdminFormats formats, SiteUrls urls) {
		this.content = content;
		this.publishing = publishing;
		this.changes = changes;
		this.chrome = chrome;
		this.formats = formats;
		this.urls = urls;
	}

	@GetMapping(PATH)
	ModelAndView form(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String done) {
		EditableArticle article = require(id);
		String notice = (done != null) ? "The story is down. Its address now answers as shown below." : null;
		return page(request, article, TakedownForm.EMPTY, notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping(PATH)
	ModelAndView takeDown(HttpServletRequest request, @PathVariable long id, @ModelAttribute TakedownForm form) {
		EditableArticle article = require(id);
		try {
			this.changes.takeDown(id, form.toTakedown(), AdminChromeFactory.currentUser().email(),
					request.getRemoteAddr());
		}
		catch (UnknownContentException ex) {
			throw new AdminNotFoundException();
		}
		catch (org.gazette.publishing.WorkflowException ex) {
			// Not public (never published, or still under embargo: call off its release
			// instead), or archived: the same 409 as every refused workflow step.
			boolean forbidden = ex instanceof org.gazette.publishing.WorkflowForbiddenException;
			HttpStatus status = forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
			return AdminViews.view("admin/error",
					new AdminPages.AdminErrorPage(
							this.chrome.chrome(request, "Nothing was done", EditorController.SECTION), status.value(),
							forbidden ? "You cannot do this" : "Nothing was done", ex.getMessage(),
							new org.gazette.site.Views.Link("Back to the story",
									EditorController.SECTION + "/" + id + "/edit")),
					status);
		}
		catch (InvalidContentException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.byField().forEach((field, messages) -> errors.put(field, String.join(" ", messages)));
			return page(request, article, form, null, errors, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		ModelAndView done = new ModelAndView("redirect:" + EditorController.SECTION + "/" + id + "/take-down?done");
		done.setStatus(HttpStatus.SEE_OTHER);
		return done;
	}

	private ModelAndView page(HttpServletRequest request, EditableArticle article, TakedownForm form, String notice,
			Map<String, String> errors, HttpStatus status) {
		String title = article.workingRevision().title();
		return AdminViews.view("admin/takeDown",
				new AddressPages.TakedownPage(
						this.chrome.chrome(request, "Take down “" + title + "”", EditorController.SECTION),
						article.id(), title, this.urls.story(article.slug()), status(article), article.everPublished(),
						form, notice, errors),
				status);
	}

	/** Where the story stands, as the publisher needs to know before choosing. */
	private String status(EditableArticle article) {
		if (!article.everPublished()) {
			return "This story has never been published, so there is nothing to take down.";
		}
		TakedownRecord current = this.publishing.currentTakedown(article.id()).orElse(null);
		if (current == null) {
			return "Published, released " + this.formats.date(article.releaseAt())
					+ ". Taking it down removes it from every list, search, feed and sitemap at once.";
		}
		String since = "Taken down on " + this.formats.dateTime(current.takenDownAt()) + " by " + current.takenDownBy()
				+ ": ";
		String answer = switch (current.kind()) {
			case GONE -> "published in error; its address answers 410 Gone" + ((current.explanation() != null)
					? " with the explanation “" + current.explanation() + "”." : ", without an explanation.");
			case REDIRECT -> "published in error; its address sends readers to " + current.redirectUrl() + ".";
			case CONSOLIDATED ->
				"consolidated; its address sends readers to " + this.content.editable(current.targetArticleId())
					.map((target) -> this.urls.story(target.slug()))
					.orElse("the other story") + ".";
			case WITHDRAWN -> "withdrawn; it stays readable under the notice “" + current.explanation() + "”.";
		};
		return since + answer + " Choosing again replaces the reason; publishing the story again brings it back.";
	}

	private EditableArticle require(long id) {
		return this.content.editable(id).orElseThrow(AdminNotFoundException::new);
	}

}
