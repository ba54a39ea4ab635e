package org.gazette.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.DiffSegment;
import org.gazette.content.EditConflictException;
import org.gazette.content.EditableArticle;
import org.gazette.content.FieldDiff;
import org.gazette.content.RevisionDiff;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Topic;
import org.gazette.platform.GazetteProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the story editor's pages ({@link EditorPages}). */
@Component
class EditorPageBuilder {

	/**
	 * Byline positions offered beyond those filled, so a new author can be added without
	 * script.
	 */
	static final int SPARE_BYLINES = 2;

	/** The summary's limit, shown by the length counter; the content rules enforce it. */
	static final int SUMMARY_MAX = 1000;

	private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a",
			Locale.US);

	private static final List<String> FIELD_ORDER = List.of("", "title", "slug", "type", "authorIds", "topicIds",
			"summary", "dateline", "bodyMarkdown", "changeKind", "changeNote", "message");

	private static final Map<String, String> LABELS = Map.of("type", "Kind of story", "title", "Title", "summary",
			"Summary", "dateline", "Dateline", "bylines", "Bylines", "topics", "Topics", "body", "Body");

	private final Content content;

	private final AdminChromeFactory chrome;

	private final MessageSource messages;

	private final ZoneId zone;

	EditorPageBuilder(Content content, AdminChromeFactory chrome, MessageSource messages,
			GazetteProperties properties) {
		this.content = content;
		this.chrome = chrome;
		this.messages = messages;
		this.zone = properties.timeZone();
	}

	EditorPages.EditorPage newStory(jakarta.servlet.http.HttpServletRequest request, ArticleForm form,
			Map<String, String> errors) {
		return new EditorPages.EditorPage(
				this.chrome.chrome(request, errors.isEmpty() ? "New story" : "Error: New story",
						EditorController.SECTION),
				"New story", "/admin/articles", "/admin/articles/preview", null, null, null, "new", form, types(form),
				bylines(form), topics(form), false, true, null, null, ordered(errors), SUMMARY_MAX);
	}

	EditorPages.EditorPage edit(jakarta.servlet.http.HttpServletRequest request, EditableArticle article,
			ArticleForm form, Map<String, String> errors, String notice) {
		String base = "/admin/articles/" + article.id();
		String title = "Edit: " + article.workingRevision().title();
		var saved = article.workingRevision();
		return new EditorPages.EditorPage(
				this.chrome.chrome(request, errors.isEmpty() ? title : "Error: " + title, EditorController.SECTION),
				"Edit story", base, base + "/preview",
				("draft".equals(article.state()) && !article.everPublished()) ? base + "/autosave" : null,
				base + "/history", article.everPublished() ? "/news/" + article.slug() : null,
				Long.toString(article.id()), form, types(form), bylines(form), topics(form), article.everPublished(),
				article.slugEditable(),
				"Revision " + saved.number() + ", saved by " + saved.createdBy() + " on " + savedAt(saved.createdAt()),
				notice, ordered(errors), SUMMARY_MAX);
	}

	EditorPages.ConflictPage conflict(jakarta.servlet.http.HttpServletRequest request, long articleId,
			EditConflictException ex, ArticleForm mine) {
		var theirs = ex.theirs();
		RevisionDiff diff = this.content.compare(theirs.toDraft(), ex.attempted());
		List<EditorPages.DiffRow> changed = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		for (FieldDiff field : diff.fields()) {
			String label = LABELS.getOrDefault(field.field(), field.field());
			if (field.changed()) {
				changed.add(new EditorPages.DiffRow(label, field.segments(), field.before(), field.after()));
			}
			else {
				unchanged.add(label);
			}
		}
		String base = "/admin/articles/" + articleId;
		return new EditorPages.ConflictPage(
				this.chrome.chrome(request, "Someone else saved this story", EditorController.SECTION), base,
				base + "/edit", theirs.createdBy(), savedAt(theirs.createdAt()), theirs.number(),
				mine.withVersion(ex.current().version()), changed, String.join(", ", unchanged));
	}

	String savedAt(Instant instant) {
		return SAVED_AT.format(instant.atZone(this.zone));
	}

	/** "10:42 AM" in the site's time zone, for the autosave status. */
	String time(Instant instant) {
		return DateTimeFormatter.ofPattern("h:mm a", Locale.US).format(instant.atZone(this.zone));
	}

	private List<EditorPages.Choice> types(ArticleForm form) {
		return java.util.Arrays.stream(ArticleType.values())
			.map((type) -> new EditorPages.Choice(type.code(),
					this.messages.getMessage("type." + type.code(), null, type.code(), Locale.US),
					type.code().equals(form.type())))
			.toList();
	}

	private List<EditorPages.BylineSlot> bylines(ArticleForm form) {
		List<Author> authors = this.content.authors();
		List<String> chosen = form.authorIds().stream().filter((id) -> !id.isBlank()).toList();
		int slots = chosen.size() + SPARE_BYLINES;
		List<EditorPages.BylineSlot> result = new ArrayList<>();
		for (int i = 0; i < slots; i++) {
			String value = (i < chosen.size()) ? chosen.get(i).strip() : "";
			List<EditorPages.Choice> choices = new ArrayList<>();
			boolean known = value.isEmpty();
			for (Author author : authors) {
				boolean selected = Long.toString(author.id()).equals(value);
				known |= selected;
				choices.add(new EditorPages.Choice(Long.toString(author.id()), author.name(), selected));
			}
			if (!known) {
				// An author merged or removed since: kept, so saving does not drop it
				// unseen.
				choices.add(0,
						new EditorPages.Choice(value,
								this.content.author(parse(value))
									.map((a) -> a.name() + " (merged)")
									.orElse("Unknown author " + value),
								true));
			}
			result.add(new EditorPages.BylineSlot(i + 1, choices));
		}
		return result;
	}

	private List<EditorPages.Choice> topics(ArticleForm form) {
		List<EditorPages.Choice> choices = new ArrayList<>();
		for (Topic topic : this.content.topics()) {
			choices.add(new EditorPages.Choice(Long.toString(topic.id()), topic.name(),
					form.topicIds().contains(Long.toString(topic.id()))));
		}
		return choices;
	}

	private static long parse(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Map<String, String> ordered(Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		FIELD_ORDER.stream().filter(errors::containsKey).forEach((field) -> ordered.put(field, errors.get(field)));
		errors.forEach(ordered::putIfAbsent);
		// Problems about no field point at the form's heading.
		if (ordered.containsKey("")) {
			String general = ordered.remove("");
			Map<String, String> withGeneral = new LinkedHashMap<>();
			withGeneral.put("story-form", general);
			withGeneral.putAll(ordered);
			return withGeneral;
		}
		return ordered;
	}

}
