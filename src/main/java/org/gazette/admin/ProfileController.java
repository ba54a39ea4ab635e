package org.gazette.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.admin.ArticleListPages.Option;
import org.gazette.content.ArticleFilter;
import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.Profile;
import org.gazette.content.UnknownContentException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Editors list, create and edit authors or topics, and merge duplicates: the same pages
 * for both, under the subclass's section ({@code /admin/authors}, {@code /admin/topics}).
 *
 * @param <P> the profile
 * @param <F> its form, exactly as typed
 */
abstract class ProfileController<P extends Profile, F> {

	/**
	 * The domain names the survivor {@code survivorId}; the form calls it {@code into}.
	 */
	private static final Map<String, String> MERGE_FIELDS = Map.of("survivorId", "into");

	final Content content;

	final AuditedChanges changes;

	final AdminChromeFactory chrome;

	private final String section;

	private final String noun;

	ProfileController(Content content, AuditedChanges changes, AdminChromeFactory chrome, String section, String noun) {
		this.content = content;
		this.changes = changes;
		this.chrome = chrome;
		this.section = section;
		this.noun = noun;
	}

	/** The profiles of this kind in use (not merged), by name. */
	abstract List<P> all();

	abstract Optional<P> find(long id);

	abstract P create(F form, String by, String address);

	abstract P update(long id, F form, String by, String address);

	abstract P merge(long duplicateId, long survivorId, String by, String address);

	abstract F empty();

	abstract F formOf(P profile);

	/** The form as typed, cut to a length that can be shown again. */
	abstract F kept(F form);

	abstract String publicUrl(P profile);

	/** The stories filed under the profile, for counting. */
	abstract ArticleFilter storiesOf(long id);

	abstract ModelAndView listPage(AdminChrome chrome, List<P> all);

	abstract ModelAndView formPage(AdminChrome chrome, Long id, F form, String publicUrl, String mergedInto,
			List<Option> candidates, String notice, Map<String, String> errors);

	@GetMapping
	ModelAndView list(HttpServletRequest request) {
		return listPage(this.chrome.chrome(request, capitalized() + "s", this.section), all());
	}

	@GetMapping("/new")
	ModelAndView blank(HttpServletRequest request) {
		return form(request, null, empty(), null, Map.of(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(HttpServletRequest request, @ModelAttribute F form) {
		try {
			P created = create(form, actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + this.section + "/" + created.id() + "?created");
		}
		catch (InvalidContentException ex) {
			return form(request, null, kept(form), null, ProfileForms.errors(ex, "name", Map.of()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping("/{id}")
	ModelAndView edit(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String created,
			@RequestParam(required = false) String saved, @RequestParam(required = false) Long merged) {
		P profile = require(id);
		String notice = (created != null) ? capitalized() + " created." : (saved != null) ? "Changes saved." : null;
		if (merged != null) {
			notice = find(merged).filter((duplicate) -> Long.valueOf(id).equals(duplicate.mergedIntoId()))
				.map((duplicate) -> duplicate.name() + " is merged into " + profile.name() + ".")
				.orElse(null);
		}
		return form(request, profile, formOf(profile), notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping("/{id}")
	ModelAndView update(HttpServletRequest request, @PathVariable long id, @ModelAttribute F form) {
		P profile = require(id);
		try {
			update(id, form, actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + this.section + "/" + id + "?saved");
		}
		catch (InvalidContentException ex) {
			return form(request, profile, kept(form), null, ProfileForms.errors(ex, "name", Map.of()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping("/{id}/merge")
	ModelAndView confirmMerge(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String into) {
		P duplicate = require(id);
		if (into.isBlank()) {
			return merge(request, duplicate, null, Map.of(), HttpStatus.OK);
		}
		P survivor = candidate(duplicate, into);
		if (survivor == null) {
			return merge(request, duplicate, null, Map.of("into", chooseFromTheList()), HttpStatus.BAD_REQUEST);
		}
		return merge(request, duplicate, survivor, Map.of(), HttpStatus.OK);
	}

	@PostMapping("/{id}/merge")
	ModelAndView merge(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String into) {
		P duplicate = require(id);
		Long survivorId = into.matches("[0-9]{1,18}") ? Long.valueOf(into) : null;
		try {
			if (survivorId == null) {
				throw new UnknownContentException("There is no " + this.noun + " " + into + ".");
			}
			P survivor = merge(id, survivorId, actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + this.section + "/" + survivor.id() + "?merged=" + id);
		}
		catch (UnknownContentException ex) {
			return merge(request, duplicate, null, Map.of("into", chooseFromTheList()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (InvalidContentException ex) {
			P survivor = (survivorId != null) ? candidate(duplicate, into) : null;
			return merge(request, duplicate, survivor, ProfileForms.errors(ex, "merge", MERGE_FIELDS),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private ModelAndView form(HttpServletRequest request, P profile, F form, String notice, Map<String, String> errors,
			HttpStatus status) {
		String title = (profile == null) ? "New " + this.noun : profile.name();
		String mergedInto = (profile != null && profile.merged())
				? find(profile.mergedIntoId()).map(Profile::name).orElse(null) : null;
		ModelAndView view = formPage(this.chrome.chrome(request, title, this.section),
				(profile != null) ? profile.id() : null, form, (profile != null) ? publicUrl(profile) : null,
				mergedInto, (profile != null) ? candidates(profile, null) : List.of(), notice, errors);
		view.setStatus(status);
		return view;
	}

	private ModelAndView merge(HttpServletRequest request, P duplicate, P survivor, Map<String, String> errors,
			HttpStatus status) {
		long stories = this.content.findArticles(storiesOf(duplicate.id()).page(Integer.MAX_VALUE)).total();
		return AdminViews.view("admin/merge",
				new ProfilePages.MergePage(this.chrome.chrome(request, "Merge " + duplicate.name(), this.section),
						this.noun, this.section, duplicate.id(), duplicate.name(), publicUrl(duplicate),
						candidates(duplicate, survivor), (survivor != null) ? survivor.name() : null,
						(survivor != null) ? publicUrl(survivor) : null, stories, errors),
				status);
	}

	/** The profiles in use other than this one, the chosen one selected. */
	private List<Option> candidates(P duplicate, P chosen) {
		return all().stream()
			.filter((profile) -> profile.id() != duplicate.id())
			.map((profile) -> new Option(Long.toString(profile.id()), profile.name(),
					chosen != null && chosen.id() == profile.id()))
			.toList();
	}

	/** The profile in use chosen as a survivor, or null if the choice is not one. */
	private P candidate(P duplicate, String typed) {
		if (!typed.matches("[0-9]{1,18}")) {
			return null;
		}
		return find(Long.parseLong(typed)).filter((profile) -> !profile.merged() && profile.id() != duplicate.id())
			.orElse(null);
	}

	private P require(long id) {
		return find(id).orElseThrow(AdminNotFoundException::new);
	}

	private String chooseFromTheList() {
		return "Choose " + (this.noun.startsWith("a") ? "an " : "a ") + this.noun + " from the list.";
	}

	private String capitalized() {
		return Character.toUpperCase(this.noun.charAt(0)) + this.noun.substring(1);
	}

	private static String actor() {
		return AdminChromeFactory.currentUser().email();
	}

}
