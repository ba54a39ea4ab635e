package org.gazette.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.content.Content;
import org.gazette.content.EditableArticle;
import org.gazette.content.InvalidContentException;
import org.gazette.content.UnknownContentException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Publishers and admins change a story's address. A published story's old address, and
 * every earlier one, keep answering with a redirect to the new one. Editors change the
 * address of a draft in the editor.
 */
@Controller
class AddressController {

	private static final String PATH = EditorController.SECTION + "/{id}/address";

	private final Content content;

	private final PublicAddressChanges changes;

	private final AdminChromeFactory chrome;

	AddressController(Content content, PublicAddressChanges changes, AdminChromeFactory chrome) {
		this.content = content;
		this.changes = changes;
		this.chrome = chrome;
	}

	@GetMapping(PATH)
	ModelAndView form(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) String changed) {
		EditableArticle article = require(id);
		String notice = null;
		if (changed != null) {
			notice = article.everPublished()
					? "Address changed. The old address now sends readers to /news/" + article.slug() + "."
					: "Address changed.";
		}
		return page(request, article, article.slug(), notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping(PATH)
	ModelAndView change(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String slug) {
		EditableArticle article = require(id);
		try {
			this.changes.changeSlug(id, slug.strip(), AdminChromeFactory.currentUser().email(),
					request.getRemoteAddr());
		}
		catch (UnknownContentException ex) {
			throw new AdminNotFoundException();
		}
		catch (InvalidContentException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.byField().forEach((field, messages) -> errors.put(field, String.join(" ", messages)));
			return page(request, article, slug, null, errors, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		ModelAndView done = new ModelAndView("redirect:" + EditorController.SECTION + "/" + id + "/address?changed");
		done.setStatus(HttpStatus.SEE_OTHER);
		return done;
	}

	private ModelAndView page(HttpServletRequest request, EditableArticle article, String typed, String notice,
			Map<String, String> errors, HttpStatus status) {
		String title = article.workingRevision().title();
		return AdminViews.view("admin/address",
				new AddressPages.AddressPage(
						this.chrome.chrome(request, "Change the address of “" + title + "”", EditorController.SECTION),
						article.id(), title, article.slug(), this.content.formerSlugs(article.id()),
						article.everPublished(), typed, notice, errors),
				status);
	}

	private EditableArticle require(long id) {
		return this.content.editable(id).orElseThrow(AdminNotFoundException::new);
	}

}
