package org.gazette.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules content must meet before it is stored. Each check collects every problem, in
 * plain words and keyed by the field it is about, so an editor can fix them all at once;
 * text is trimmed and checked for control characters.
 */
class ContentRules {

	static final int TITLE_MAX = 300;

	static final int SUMMARY_MAX = 1000;

	static final int DATELINE_MAX = 120;

	static final int BODY_MAX = 500_000;

	static final int NAME_MAX = 200;

	static final int MESSAGE_MAX = 1000;

	// Control characters other than tab, newline and carriage return have no place in
	// content.
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

	private final AuthorRepository authors;

	private final TopicRepository topics;

	private final StoryMedia media;

	ContentRules(AuthorRepository authors, TopicRepository topics, StoryMedia media) {
		this.authors = authors;
		this.topics = topics;
		this.media = media;
	}

	/**
	 * The draft, cleaned. Authors and topics merged into others are replaced by their
	 * survivors, so no new revision credits a duplicate.
	 */
	RevisionDraft checkDraft(RevisionDraft draft) {
		return checkDraft(draft, new Problems());
	}

	/**
	 * Whether a save could take the body (it is not too long and has no control
	 * characters), so that it is worth rendering before the save.
	 */
	boolean isRenderable(String body) {
		return body.length() <= BODY_MAX && !CONTROL.matcher(body).find();
	}

	/** As {@link #checkDraft(RevisionDraft)}, refusing too what was found before. */
	RevisionDraft checkDraft(RevisionDraft draft, Problems problems) {
		return checkDraft(draft, problems, survivorsOf(List.of(draft)));
	}

	/**
	 * Who and what the drafts credit, with the survivor of each merged profile, read in
	 * two statements for all of them: an import checks a hundred drafts at once.
	 */
	Survivors survivorsOf(List<RevisionDraft> drafts) {
		Set<Long> authorIds = new HashSet<>();
		Set<Long> topicIds = new HashSet<>();
		for (RevisionDraft draft : drafts) {
			authorIds.addAll(draft.authorIds());
			topicIds.addAll(draft.topicIds());
		}
		return new Survivors(this.authors.survivors(authorIds), this.topics.survivors(topicIds));
	}

	/**
	 * Existing authors and topics, each mapped to itself or to the profile it was merged
	 * into.
	 */
	record Survivors(Map<Long, Long> authors, Map<Long, Long> topics) {
	}

	/**
	 * As {@link #checkDraft(RevisionDraft, Problems)}, with the profiles' survivors read
	 * before.
	 * @param survivors those of at least every author and topic the draft names
	 */
	RevisionDraft checkDraft(RevisionDraft draft, Problems problems, Survivors survivors) {
		if (draft.type() == null) {
			problems.add("type", "Choose the kind of story.");
		}
		String title = line(draft.title(), "title", "Title", TITLE_MAX, true, problems);
		String summary = line(draft.summary(), "summary", "Summary", SUMMARY_MAX, true, problems);
		String dateline = line(draft.dateline(), "dateline", "Dateline", DATELINE_MAX, false, problems);
		String body = (draft.bodyMarkdown() != null) ? draft.bodyMarkdown() : "";
		if (body.length() > BODY_MAX) {
			problems.add("bodyMarkdown", "Body is longer than " + BODY_MAX + " characters.");
		}
		if (CONTROL.matcher(body).find()) {
			problems.add("bodyMarkdown", "Body contains control characters; paste it as plain text.");
		}
		if (new HashSet<>(draft.authorIds()).size() != draft.authorIds().size()) {
			problems.add("authorIds", "An author is listed twice in the byline.");
		}
		Map<Long, Long> authorSurvivors = survivors.authors();
		if (!authorSurvivors.keySet().containsAll(draft.authorIds())) {
			problems.add("authorIds", "The byline names an author who does not exist.");
		}
		Map<Long, Long> topicSurvivors = survivors.topics();
		if (!topicSurvivors.keySet().containsAll(draft.topicIds())) {
			problems.add("topicIds", "A topic does not exist.");
		}
		String changeNote = line(draft.changeNote(), "changeNote", "Change note", SUMMARY_MAX, false, problems);
		String message = line(draft.message(), "message", "Message", MESSAGE_MAX, false, problems);
		this.media.check(draft, problems);
		problems.refuseIfAny();
		List<Long> authorIds = List
			.copyOf(new LinkedHashSet<>(draft.authorIds().stream().map(authorSurvivors::get).toList()));
		List<Long> topicIds = List
			.copyOf(new LinkedHashSet<>(draft.topicIds().stream().map(topicSurvivors::get).toList()));
		return new RevisionDraft(draft.type(), title, summary, dateline, body, authorIds, topicIds, draft.changeKind(),
				changeNote, message, draft.heroMediaId(), draft.documentIds());
	}

	/** The address for a new story, or null with its problems added to the others. */
	String checkNewArticleSlug(String slug, ArticleRepository articles, Problems problems) {
		String clean = slugProblems(slug, problems);
		if (clean != null && articles.slugExists(clean)) {
			problems.add("slug", "Another story already uses the address " + clean + ".");
		}
		else if (clean != null && articles.idByFormerSlug(clean).isPresent()) {
			problems.add("slug", formerAddress(clean));
		}
		return clean;
	}

	/**
	 * The address for a new story as {@link #checkNewArticleSlug} makes it, without
	 * asking whether it is taken: the caller asks for many at once.
	 */
	String checkNewSlugFormat(String slug, Problems problems) {
		return slugProblems(slug, problems);
	}

	/**
	 * Problems with a new address for a saved story, added to those of its draft (both
	 * come from one form).
	 */
	void checkSlugChange(String slug, long articleId, ArticleRepository articles, Problems problems) {
		String clean = slugProblems(slug, problems);
		if (clean != null && articles.idBySlug(clean).filter((id) -> id != articleId).isPresent()) {
			problems.add("slug", "Another story already uses the address " + clean + ".");
		}
		// Its own former address is fine: the story moves back, and the redirect is no
		// longer needed while it lives there.
		else if (clean != null && articles.idByFormerSlug(clean).filter((id) -> id != articleId).isPresent()) {
			problems.add("slug", formerAddress(clean));
		}
	}

	private static String formerAddress(String slug) {
		return "The address " + slug + " belonged to another story, and still sends readers to it. Choose another.";
	}

	NewAuthor checkAuthor(NewAuthor author, Long id) {
		Problems problems = new Problems();
		String name = line(author.name(), "name", "Name", NAME_MAX, true, problems);
		String jobTitle = line(author.jobTitle(), "jobTitle", "Job title", NAME_MAX, false, problems);
		String bio = multiline(author.bioMarkdown(), "bioMarkdown", "Biography", 20_000, problems);
		String slug = slugProblems(author.slug(), problems);
		if (slug != null
				&& this.authors.findBySlug(slug).filter((found) -> id == null || found.id() != id).isPresent()) {
			problems.add("slug", "Another author already uses the address " + slug + ".");
		}
		problems.refuseIfAny();
		return new NewAuthor(slug, name, jobTitle, bio);
	}

	NewTopic checkTopic(NewTopic topic, Long id) {
		Problems problems = new Problems();
		String name = line(topic.name(), "name", "Name", NAME_MAX, true, problems);
		String description = multiline(topic.description(), "description", "Description", 2_000, problems);
		String slug = slugProblems(topic.slug(), problems);
		if (slug != null
				&& this.topics.findBySlug(slug).filter((found) -> id == null || found.id() != id).isPresent()) {
			problems.add("slug", "Another topic already uses the address " + slug + ".");
		}
		problems.refuseIfAny();
		return new NewTopic(slug, name, description);
	}

	private static String slugProblems(String slug, Problems problems) {
		if (!Slugs.isValid(slug)) {
			problems.add("slug", "The address must be lower-case letters, digits and single hyphens, at most "
					+ Slugs.MAX_LENGTH + " characters.");
			return null;
		}
		return slug;
	}

	private static String line(String value, String field, String label, int max, boolean required, Problems problems) {
		String text = (value != null) ? value.strip() : "";
		if (required && text.isEmpty()) {
			problems.add(field, label + " is required.");
		}
		if (text.length() > max) {
			problems.add(field, label + " is longer than " + max + " characters.");
		}
		if (CONTROL.matcher(text).find() || LINE_BREAK.matcher(text).find()) {
			problems.add(field, label + " must be a single line of text.");
		}
		return text.isEmpty() ? (required ? text : null) : text;
	}

	private static String multiline(String value, String field, String label, int max, Problems problems) {
		String text = (value != null) ? value.strip() : "";
		if (text.length() > max) {
			problems.add(field, label + " is longer than " + max + " characters.");
		}
		if (CONTROL.matcher(text).find()) {
			problems.add(field, label + " contains control characters.");
		}
		return text;
	}

}
