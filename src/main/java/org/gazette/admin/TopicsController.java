package org.gazette.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.admin.ArticleListPages.Option;
import org.gazette.content.ArticleFilter;
import org.gazette.content.Topic;
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
class TopicsController {

	private static final String SECTION = "/admin/topics";

	/**
	 * The domain names the survivor {@code survivorId}; the form calls it {@code into}.
	 */
	private static final Map<String, String> MERGE_FIELDS = Map.of("survivorId", "into");

	private final Content content;

	private final AuditedChanges changes;

	private final AdminChromeFactory chrome;

	private final SiteUrls urls;

	TopicsController(Content content, AuditedChanges changes, AdminChromeFactory chrome, SiteUrls urls) {
		this.content = content;
		this.changes = changes;
		this.chrome = chrome;
		this.urls = urls;
	}

	@GetMapping(SECTION)
	ModelAndView list(HttpServletRequest request) {
		return AdminViews.view("admin/topics", new ProfilePages.TopicsPage(
				this.chrome.chrome(request, "Topics", SECTION), this.content.topics(), null));
	}

	@GetMapping(SECTION + "/new")
	ModelAndView newTopic(HttpServletRequest request) {
		return form(request, null, TopicForm.EMPTY, null, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION)
	ModelAndView create(HttpServletRequest request, @ModelAttribute TopicForm form) {
		try {
			Topic created = this.changes.createTopic(form.toNewTopic(true), actor(), request.getRemoteAddr());
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
		Topic topic = require(id);
		String notice = (created != null) ? "Topic created." : (saved != null) ? "Changes saved." : null;
		if (merged != null) {
			notice = this.content.topic(merged)
				.filter((duplicate) -> Long.valueOf(id).equals(duplicate.mergedIntoId()))
				.map((duplicate) -> duplicate.name() + " is merged into " + topic.name() + ".")
				.orElse(null);
		}
		return form(request, topic, TopicForm.of(topic), notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}")
	ModelAndView update(HttpServletRequest request, @PathVariable long id, @ModelAttribute TopicForm form) {
		Topic topic = require(id);
		try {
			this.changes.updateTopic(id, form.toNewTopic(false), actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + id + "?saved");
		}
		catch (InvalidContentException ex) {
			return form(request, topic, form.kept(), null, ProfileForms.errors(ex, "name", Map.of()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping(SECTION + "/{id}/merge")
	ModelAndView confirmMerge(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String into) {
		Topic duplicate = require(id);
		if (into.isBlank()) {
			return merge(request, duplicate, null, Map.of(), HttpStatus.OK);
		}
		Topic survivor = candidate(duplicate, into);
		if (survivor == null) {
			return merge(request, duplicate, null, Map.of("into", "Choose a topic from the list."),
					HttpStatus.BAD_REQUEST);
		}
		return merge(request, duplicate, survivor, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}/merge")
	ModelAndView merge(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String into) {
		Topic duplicate = require(id);
		Long survivorId = into.matches("[0-9]{1,18}") ? Long.valueOf(into) : null;
		try {
			if (survivorId == null) {
				throw new UnknownContentException("There is no topic " + into + ".");
			}
			Topic survivor = this.changes.mergeTopic(id, survivorId, actor(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + survivor.id() + "?merged=" + id);
		}
		catch (UnknownContentException ex) {
			return merge(request, duplicate, null, Map.of("into", "Choose a topic from the list."),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (InvalidContentException ex) {
			Topic survivor = (survivorId != null) ? candidate(duplicate, into) : null;
			return merge(request, duplicate, survivor, ProfileForms.errors(ex, "merge", MERGE_FIELDS),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private ModelAndView form(HttpServletRequest request, Topic topic, TopicForm form, String notice,
			Map<String, String> errors, HttpStatus status) {
		String title = (topic == null) ? "New topic" : topic.name();
		String mergedInto = (topic != null && topic.merged())
				? this.content.topic(topic.mergedIntoId()).map(Topic::name).orElse(null) : null;
		return AdminViews.view("admin/topic", new ProfilePages.TopicPage(this.chrome.chrome(request, title, SECTION),
				(topic != null) ? topic.id() : null, form, (topic != null) ? this.urls.topic(topic.slug()) : null,
				mergedInto, (topic != null) ? candidates(topic, null) : List.of(), notice, errors), status);
	}

	private ModelAndView merge(HttpServletRequest request, Topic duplicate, Topic survivor, Map<String, String> errors,
			HttpStatus status) {
		long stories = this.content
			.findArticles(new ArticleFilter(null, null, duplicate.id(), null, null, null, 1).page(Integer.MAX_VALUE))
			.total();
		return AdminViews.view("admin/merge",
				new ProfilePages.MergePage(this.chrome.chrome(request, "Merge " + duplicate.name(), SECTION), "topic",
						SECTION, duplicate.id(), duplicate.name(), this.urls.topic(duplicate.slug()),
						candidates(duplicate, survivor), (survivor != null) ? survivor.name() : null,
						(survivor != null) ? this.urls.topic(survivor.slug()) : null, stories, errors),
				status);
	}

	/** The topics in use other than this one, the chosen one selected. */
	private List<Option> candidates(Topic duplicate, Topic chosen) {
		return this.content.topics()
			.stream()
			.filter((topic) -> topic.id() != duplicate.id())
			.map((topic) -> new Option(Long.toString(topic.id()), topic.name(),
					chosen != null && chosen.id() == topic.id()))
			.toList();
	}

	/** The topic in use chosen as a survivor, or null if the choice is not one. */
	private Topic candidate(Topic duplicate, String typed) {
		if (!typed.matches("[0-9]{1,18}")) {
			return null;
		}
		long id = Long.parseLong(typed);
		return this.content.topic(id).filter((topic) -> !topic.merged() && topic.id() != duplicate.id()).orElse(null);
	}

	private Topic require(long id) {
		return this.content.topic(id).orElseThrow(AdminNotFoundException::new);
	}

	private static String actor() {
		return AdminChromeFactory.currentUser().email();
	}

}
