package org.gazette.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules content must meet before it is stored. Each check collects every problem, in
 * plain words, so an editor can fix them all at once; text is trimmed and checked for
 * control characters.
 */
class ContentRules {

	static final int TITLE_MAX = 300;

	static final int SUMMARY_MAX = 1000;

	static final int DATELINE_MAX = 120;

	static final int BODY_MAX = 500_000;

	static final int NAME_MAX = 200;

	// Control characters other than tab, newline and carriage return have no place in
	// content.
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

	private final AuthorRepository authors;

	private final TopicRepository topics;

	ContentRules(AuthorRepository authors, TopicRepository topics) {
		this.authors = authors;
		this.topics = topics;
	}

	RevisionDraft checkDraft(RevisionDraft draft) {
		List<String> problems = new ArrayList<>();
		if (draft.type() == null) {
			problems.add("Choose the kind of story.");
		}
		String title = line(draft.title(), "Title", TITLE_MAX, true, problems);
		String summary = line(draft.summary(), "Summary", SUMMARY_MAX, true, problems);
		String dateline = line(draft.dateline(), "Dateline", DATELINE_MAX, false, problems);
		String body = (draft.bodyMarkdown() != null) ? draft.bodyMarkdown() : "";
		if (body.length() > BODY_MAX) {
			problems.add("Body is longer than " + BODY_MAX + " characters.");
		}
		if (CONTROL.matcher(body).find()) {
			problems.add("Body contains control characters; paste it as plain text.");
		}
		if (new HashSet<>(draft.authorIds()).size() != draft.authorIds().size()) {
			problems.add("An author is listed twice in the byline.");
		}
		if (this.authors.findByIds(draft.authorIds()).size() != new HashSet<>(draft.authorIds()).size()) {
			problems.add("The byline names an author who does not exist.");
		}
		if (this.topics.findByIds(draft.topicIds()).size() != new HashSet<>(draft.topicIds()).size()) {
			problems.add("A topic does not exist.");
		}
		String changeNote = line(draft.changeNote(), "Change note", SUMMARY_MAX, false, problems);
		refuseIfAny(problems);
		return new RevisionDraft(draft.type(), title, summary, dateline, body, draft.authorIds(),
				List.copyOf(new LinkedHashSet<>(draft.topicIds())), draft.changeKind(), changeNote);
	}

	String checkNewArticleSlug(String slug, ArticleRepository articles) {
		List<String> problems = new ArrayList<>();
		String clean = slugProblems(slug, problems);
		if (clean != null && articles.slugExists(clean)) {
			problems.add("Another story already uses the address " + clean + ".");
		}
		refuseIfAny(problems);
		return clean;
	}

	NewAuthor checkNewAuthor(NewAuthor author) {
		List<String> problems = new ArrayList<>();
		String name = line(author.name(), "Name", NAME_MAX, true, problems);
		String jobTitle = line(author.jobTitle(), "Job title", NAME_MAX, false, problems);
		String bio = multiline(author.bioMarkdown(), "Biography", 20_000, problems);
		String slug = slugProblems(author.slug(), problems);
		if (slug != null && this.authors.slugExists(slug)) {
			problems.add("Another author already uses the address " + slug + ".");
		}
		refuseIfAny(problems);
		return new NewAuthor(slug, name, jobTitle, bio);
	}

	NewTopic checkNewTopic(NewTopic topic) {
		List<String> problems = new ArrayList<>();
		String name = line(topic.name(), "Name", NAME_MAX, true, problems);
		String description = multiline(topic.description(), "Description", 2_000, problems);
		String slug = slugProblems(topic.slug(), problems);
		if (slug != null && this.topics.slugExists(slug)) {
			problems.add("Another topic already uses the address " + slug + ".");
		}
		refuseIfAny(problems);
		return new NewTopic(slug, name, description);
	}

	private static String slugProblems(String slug, List<String> problems) {
		if (!Slugs.isValid(slug)) {
			problems.add("The address must be lower-case letters, digits and single hyphens, at most "
					+ Slugs.MAX_LENGTH + " characters.");
			return null;
		}
		return slug;
	}

	private static String line(String value, String field, int max, boolean required, List<String> problems) {
		String text = (value != null) ? value.strip() : "";
		if (required && text.isEmpty()) {
			problems.add(field + " is required.");
		}
		if (text.length() > max) {
			problems.add(field + " is longer than " + max + " characters.");
		}
		if (CONTROL.matcher(text).find() || LINE_BREAK.matcher(text).find()) {
			problems.add(field + " must be a single line of text.");
		}
		return text.isEmpty() ? (required ? text : null) : text;
	}

	private static String multiline(String value, String field, int max, List<String> problems) {
		String text = (value != null) ? value.strip() : "";
		if (text.length() > max) {
			problems.add(field + " is longer than " + max + " characters.");
		}
		if (CONTROL.matcher(text).find()) {
			problems.add(field + " contains control characters.");
		}
		return text;
	}

	private static void refuseIfAny(List<String> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidContentException(problems);
		}
	}

}
