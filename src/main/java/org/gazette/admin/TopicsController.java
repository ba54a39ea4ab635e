package org.gazette.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.admin.ArticleListPages.Option;
import org.gazette.content.ArticleFilter;
import org.gazette.content.Topic;
import org.gazette.content.Content;
import org.gazette.platform.SiteUrls;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Editors list, create and edit topics, and merge duplicates. */
@Controller
@RequestMapping(TopicsController.SECTION)
class TopicsController extends ProfileController<Topic, TopicForm> {

	static final String SECTION = "/admin/topics";

	private final SiteUrls urls;

	TopicsController(Content content, AuditedChanges changes, AdminChromeFactory chrome, SiteUrls urls) {
		super(content, changes, chrome, SECTION, "topic");
		this.urls = urls;
	}

	@Override
	List<Topic> all() {
		return this.content.topics();
	}

	@Override
	Optional<Topic> find(long id) {
		return this.content.topic(id);
	}

	@Override
	Topic create(TopicForm form, String by, String address) {
		return this.changes.createTopic(form.toNewTopic(true), by, address);
	}

	@Override
	Topic update(long id, TopicForm form, String by, String address) {
		return this.changes.updateTopic(id, form.toNewTopic(false), by, address);
	}

	@Override
	Topic merge(long duplicateId, long survivorId, String by, String address) {
		return this.changes.mergeTopic(duplicateId, survivorId, by, address);
	}

	@Override
	TopicForm empty() {
		return TopicForm.EMPTY;
	}

	@Override
	TopicForm formOf(Topic topic) {
		return TopicForm.of(topic);
	}

	@Override
	TopicForm kept(TopicForm form) {
		return form.kept();
	}

	@Override
	String publicUrl(Topic topic) {
		return this.urls.topic(topic.slug());
	}

	@Override
	ArticleFilter storiesOf(long id) {
		return new ArticleFilter(null, null, id, null, null, null, 1);
	}

	@Override
	ModelAndView listPage(AdminChrome chrome, List<Topic> topics) {
		return AdminViews.view("admin/topics", new ProfilePages.TopicsPage(chrome, topics, null));
	}

	@Override
	ModelAndView formPage(AdminChrome chrome, Long id, TopicForm form, String publicUrl, String mergedInto,
			List<Option> candidates, String notice, Map<String, String> errors) {
		return AdminViews.view("admin/topic",
				new ProfilePages.TopicPage(chrome, id, form, publicUrl, mergedInto, candidates, notice, errors));
	}

}
