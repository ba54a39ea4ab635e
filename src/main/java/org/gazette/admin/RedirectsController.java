package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.content.InvalidContentException;
import org.gazette.publishing.RedirectList;
import org.gazette.publishing.Redirects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admins list, search, add and remove redirects from old addresses (such as a previous
 * site's permalinks). A redirect answers only where nothing else does.
 */
@Controller
class RedirectsController {

	static final String SECTION = "/admin/redirects";

	private static final int SEARCH_MAX = 200;

	private final Redirects redirects;

	private final PublicAddressChanges changes;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	RedirectsController(Redirects redirects, PublicAddressChanges changes, AdminChromeFactory chrome,
			AdminFormats formats) {
		this.redirects = redirects;
		this.changes = changes;
		this.chrome = chrome;
		this.formats = formats;
	}

	@GetMapping(SECTION)
	ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") String page, @RequestParam(required = false) String added,
			@RequestParam(required = false) String removed) {
		Map<String, String> errors = new LinkedHashMap<>();
		String search = q.strip();
		if (search.length() > SEARCH_MAX) {
			errors.put("q", "Search text is longer than " + SEARCH_MAX + " characters.");
			search = "";
		}
		int number = page.matches("[1-9][0-9]{0,6}") ? Integer.parseInt(page) : 0;
		if (number == 0) {
			errors.put("page", "There is no page " + page + ".");
			number = 1;
		}
		String notice = (added != null) ? "Redirect added." : (removed != null) ? "Redirect removed." : null;
		return page(request, search, number, AddressPages.RedirectForm.EMPTY, notice, errors,
				errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
	}

	@PostMapping(SECTION)
	ModelAndView add(HttpServletRequest request, @ModelAttribute AddressPages.RedirectForm form) {
		try {
			this.changes.addRedirect(form.fromPath(), form.toUrl(), form.note(), actor(), request.getRemoteAddr());
		}
		catch (InvalidContentException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.byField().forEach((field, messages) -> errors.put(field, String.join(" ", messages)));
			return page(request, "", 1, form, null, errors, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return seeOther(SECTION + "?added");
	}

	@PostMapping(SECTION + "/{id}/delete")
	ModelAndView delete(HttpServletRequest request, @PathVariable long id) {
		this.changes.removeRedirect(id, actor(), request.getRemoteAddr()).orElseThrow(AdminNotFoundException::new);
		return seeOther(SECTION + "?removed");
	}

	private ModelAndView page(HttpServletRequest request, String search, int number, AddressPages.RedirectForm form,
			String notice, Map<String, String> errors, HttpStatus status) {
		RedirectList list = this.redirects.list(search, number);
		String previous = (number > 1) ? pageUrl(search, Math.min(number - 1, list.pageCount())) : null;
		String next = (number < list.pageCount()) ? pageUrl(search, number + 1) : null;
		return AdminViews.view(
				"admin/redirects", new AddressPages.RedirectsPage(this.chrome.chrome(request, "Redirects", SECTION),
						this.formats, list.redirects(), list.total(), search, previous, next, form, notice, errors),
				status);
	}

	private static String pageUrl(String search, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(SECTION);
		if (!search.isEmpty()) {
			url.queryParam("q", search);
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	private static ModelAndView seeOther(String path) {
		ModelAndView view = new ModelAndView("redirect:" + path);
		view.setStatus(HttpStatus.SEE_OTHER);
		return view;
	}

	private static String actor() {
		return AdminChromeFactory.currentUser().email();
	}

}
