package org.gazette.admin;

import org.gazette.content.NewTopic;
import org.gazette.content.Topic;

/**
 * The topic form. Only these fields bind: an extra {@code id} or {@code mergedInto} in
 * the request is ignored.
 *
 * @param name name readers see
 * @param slug address of the topic's page; left blank on a new topic, made from the name
 * @param description one or two plain sentences
 */
public record TopicForm(String name, String slug, String description) {

	static final TopicForm EMPTY = new TopicForm("", "", "");

	static TopicForm of(Topic topic) {
		return new TopicForm(topic.name(), topic.slug(), (topic.description() != null) ? topic.description() : "");
	}

	NewTopic toNewTopic(boolean suggestSlug) {
		return new NewTopic(ProfileForms.slug(this.slug, this.name, suggestSlug), this.name, this.description);
	}

	/** What was typed, cut to a length safe to show again. */
	TopicForm kept() {
		return new TopicForm(ProfileForms.cut(this.name, 400), ProfileForms.cut(this.slug, 200),
				ProfileForms.cut(this.description, 4_000));
	}

}
