package org.gazette.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.SignedInUser;
import org.gazette.publishing.NewPreviewLink;
import org.gazette.publishing.PreviewLink;
import org.gazette.publishing.PreviewLinks;
import org.gazette.platform.SiteUrls;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A story's preview links: the list, making one (its address is shown once, on the page
 * that answers the form, and never again), and revoking one.
 */
@Controller
class PreviewLinksController {

	private static final String LINKS = ArticleListController.SECTION + "/{id}/preview-links";

	private final PreviewLinkSharing sharing;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	private final SiteUrls urls;

	private final Clock clock;

	PreviewLinksController(PreviewLinkSharing sharing, AdminChromeFactory chrome, AdminFormats formats, SiteUrls urls,
			Clock clock) {
		this.sharing = sharing;
		this.chrome = chrome;
		this.formats = formats;
		this.urls = urls;
		this.clock = clock;
	}

	@GetMapping(LINKS)
	ModelAndView list(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) String revoked) {
		String notice = (revoked != null) ? "Link revoked. It no longer opens the preview." : null;
		return page(request, id, PreviewLinks.DEFAULT_LIFETIME, null, notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping(LINKS)
	ModelAndView create(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) String lifetime) {
		Duration chosen = lifetime(lifetime);
		if (chosen == null) {
			// The page checks the story first: someone who may not edit it gets a 403,
			// not the form's problems.
			return page(request, id, PreviewLinks.DEFAULT_LIFETIME, null, null,
					Map.of("lifetime", "Choose how long the link works: " + lifetimeChoices() + "."),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		NewPreviewLink created = this.sharing.create(id, chosen, user(), request.getRemoteAddr());
		return page(request, id, chosen,
				new PreviewLinkPages.Created(created.link(), this.urls.absolute(this.urls.preview(created.token()))),
				null, Map.of(), HttpStatus.OK);
	}

	@PostMapping(LINKS + "/{link}/revoke")
	ModelAndView revoke(HttpServletRequest request, @PathVariable long id, @PathVariable long link) {
		this.sharing.revoke(id, link, user(), request.getRemoteAddr());
		// 303: the browser follows with a GET, so reloading does not post the form again.
		ModelAndView view = new ModelAndView(
				"redirect:" + ArticleListController.SECTION + "/" + id + "/preview-links?revoked=" + link);
		view.setStatus(HttpStatus.SEE_OTHER);
		return view;
	}

	private ModelAndView page(HttpServletRequest request, long id, Duration lifetime, PreviewLinkPages.Created created,
			String notice, Map<String, String> errors, HttpStatus status) {
		SignedInUser user = user();
		PreviewLinkSharing.Shared shared = this.sharing.list(id, user);
		Instant now = this.clock.instant();
		List<PreviewLinkPages.Row> rows = shared.links().stream().map((link) -> {
			PreviewLink.State state = link.state(now);
			boolean active = state == PreviewLink.State.ACTIVE;
			return new PreviewLinkPages.Row(link, status(state), active,
					active && PreviewLinkSharing.mayRevoke(user, link));
		}).toList();
		List<EditorPages.Choice> lifetimes = PreviewLinks.LIFETIMES.stream()
			.map((choice) -> new EditorPages.Choice(Long.toString(choice.toDays()), days(choice),
					choice.equals(lifetime)))
			.toList();
		String title = shared.article().workingRevision().title();
		return AdminViews.view("admin/previewLinks",
				new PreviewLinkPages.PreviewLinksPage(
						this.chrome.chrome(request, (errors.isEmpty() ? "" : "Error: ") + "Preview links for " + title,
								ArticleListController.SECTION),
						this.formats, id, title, shared.article().workingRevision().number(), rows, lifetimes, created,
						notice, errors),
				status);
	}

	/** One of the offered lifetimes, as its number of days; null for anything else. */
	private static Duration lifetime(String typed) {
		if (typed == null || !typed.matches("[0-9]{1,3}")) {
			return null;
		}
		Duration days = Duration.ofDays(Integer.parseInt(typed));
		return PreviewLinks.LIFETIMES.contains(days) ? days : null;
	}

	private static String lifetimeChoices() {
		List<String> days = PreviewLinks.LIFETIMES.stream().map((d) -> Long.toString(d.toDays())).toList();
		return String.join(", ", days.subList(0, days.size() - 1)) + " or " + days.get(days.size() - 1) + " days";
	}

	private static String days(Duration lifetime) {
		long days = lifetime.toDays();
		return (days == 1) ? "1 day" : days + " days";
	}

	private static String status(PreviewLink.State state) {
		return switch (state) {
			case ACTIVE -> "Works";
			case EXPIRED -> "Expired";
			case REVOKED -> "Revoked";
		};
	}

	private static SignedInUser user() {
		return AdminChromeFactory.currentUser();
	}

}
