package org.gazette.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.admin.ArticleListPages.Option;
import org.gazette.content.ArticleFilter;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.UnknownContentException;
import org.gazette.platform.SiteUrls;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Editors list, create and edit byline profiles, and merge duplicates. */
@Controller
class AuthorsController {

	private static final String SECTION = "/admin/authors";

	/**
	 * The domain names the survivor {@code survivorId}; the form calls it {@code into}.
	 */
	private static final Map<String, String> MERGE_FIELDS = Map.of("survivorId", "into");

	private final Content content;

	private final AuditedChanges changes;

	private final AdminChromeFactory chrome;

	private final SiteUrls urls;

	AuthorsController(Content content, AuditedChanges changes, AdminChromeFactory chrome, SiteUrls urls) {
		this.content = content;
		this.changes = changes;
		this.chrome = chrome;
		this.urls = urls;
	}

	@GetMapping(SECTION)
	ModelAndView list(HttpServletRequest request) {
		return AdminViews.view("admin/authors", new ProfilePages.AuthorsPage(
				this.chrome.chrome(request, "Authors", SECTION), this.content.authors(), null));
	}

	@GetMapping(SECTION + "/new")
	ModelAndView newAuthor(HttpServletRequest request) {
		return form(request, null, AuthorForm.EMPTY, null, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION)
	ModelAndView create(HttpServletRequest request, @ModelAttribute AuthorForm form) {
		try {
			Author created = this.changes.createAuthor(form.toNewAuthor(true), actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + created.id() + "?created");
		}
		catch (InvalidContentException ex) {
			return form(request, null, form.kept(), null, ProfileForms.errors(ex, "name", Map.of()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping(SECTION + "/{id}")
	ModelAndView edit(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String created,
			@RequestParam(required = false) String saved, @RequestParam(required = false) Long merged) {
		Author author = require(id);
		String notice = (created != null) ? "Author created." : (saved != null) ? "Changes saved." : null;
		if (merged != null) {
			notice = this.content.author(merged)
				.filter((duplicate) -> Long.valueOf(id).equals(duplicate.mergedIntoId()))
				.map((duplicate) -> duplicate.name() + " is merged into " + author.name() + ".")
				.orElse(null);
		}
		return form(request, author, AuthorForm.of(author), notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}")
	ModelAndView update(HttpServletRequest request, @PathVariable long id, @ModelAttribute AuthorForm form) {
		Author author = require(id);
		try {
			this.changes.updateAuthor(id, form.toNewAuthor(false), actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + id + "?saved");
		}
		catch (InvalidContentException ex) {
			return form(request, author, form.kept(), null, ProfileForms.errors(ex, "name", Map.of()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping(SECTION + "/{id}/merge")
	ModelAndView confirmMerge(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String into) {
		Author duplicate = require(id);
		if (into.isBlank()) {
			return merge(request, duplicate, null, Map.of(), HttpStatus.OK);
		}
		Author survivor = candidate(duplicate, into);
		if (survivor == null) {
			return merge(request, duplicate, null, Map.of("into", "Choose an author from the list."),
					HttpStatus.BAD_REQUEST);
		}
		return merge(request, duplicate, survivor, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}/merge")
	ModelAndView merge(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String into) {
		Author duplicate = require(id);
		Long survivorId = into.matches("[0-9]{1,18}") ? Long.valueOf(into) : null;
		try {
			if (survivorId == null) {
				throw new UnknownContentException("There is no author " + into + ".");
			}
			Author survivor = this.changes.mergeAuthor(id, survivorId, actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + survivor.id() + "?merged=" + id);
		}
		catch (UnknownContentException ex) {
			return merge(request, duplicate, null, Map.of("into", "Choose an author from the list."),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (InvalidContentException ex) {
			Author survivor = (survivorId != null) ? candidate(duplicate, into) : null;
			return merge(request, duplicate, survivor, ProfileForms.errors(ex, "merge", MERGE_FIELDS),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private ModelAndView form(HttpServletRequest request, Author author, AuthorForm form, String notice,
			Map<String, String> errors, HttpStatus status) {
		String title = (author == null) ? "New author" : author.name();
		String mergedInto = (author != null && author.merged())
				? this.content.author(author.mergedIntoId()).map(Author::name).orElse(null) : null;
		return AdminViews.view("admin/author", new ProfilePages.AuthorPage(this.chrome.chrome(request, title, SECTION),
				(author != null) ? author.id() : null, form, (author != null) ? this.urls.author(author.slug()) : null,
				mergedInto, (author != null) ? candidates(author, null) : List.of(), notice, errors), status);
	}

	private ModelAndView merge(HttpServletRequest request, Author duplicate, Author survivor,
			Map<String, String> errors, HttpStatus status) {
		long stories = this.content
			.findArticles(new ArticleFilter(null, null, null, duplicate.id(), null, null, 1).page(Integer.MAX_VALUE))
			.total();
		return AdminViews.view("admin/merge",
				new ProfilePages.MergePage(this.chrome.chrome(request, "Merge " + duplicate.name(), SECTION), "author",
						SECTION, duplicate.id(), duplicate.name(), this.urls.author(duplicate.slug()),
						candidates(duplicate, survivor), (survivor != null) ? survivor.name() : null,
						(survivor != null) ? this.urls.author(survivor.slug()) : null, stories, errors),
				status);
	}

	/** The authors in use other than this one, the chosen one selected. */
	private List<Option> candidates(Author duplicate, Author chosen) {
		return this.content.authors()
			.stream()
			.filter((author) -> author.id() != duplicate.id())
			.map((author) -> new Option(Long.toString(author.id()), author.name(),
					chosen != null && chosen.id() == author.id()))
			.toList();
	}

	/** The author in use chosen as a survivor, or null if the choice is not one. */
	private Author candidate(Author duplicate, String typed) {
		if (!typed.matches("[0-9]{1,18}")) {
			return null;
		}
		long id = Long.parseLong(typed);
		return this.content.author(id)
			.filter((author) -> !author.merged() && author.id() != duplicate.id())
			.orElse(null);
	}

	private Author require(long id) {
		return this.content.author(id).orElseThrow(AdminNotFoundException::new);
	}

	private static String actor() {
		return AdminChromeFactory.currentUser().email();
	}

}
