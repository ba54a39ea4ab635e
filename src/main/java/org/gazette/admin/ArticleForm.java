package org.gazette.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gazette.content.ArticleType;
import org.gazette.content.ChangeKind;
import org.gazette.content.EditableArticle;
import org.gazette.content.Revision;
import org.gazette.content.RevisionDraft;

/**
 * The story editor's form, exactly as typed. Only these fields bind: an {@code id},
 * {@code state}, {@code status} or {@code createdBy} in the request is ignored, and the
 * story's id comes from its address. Everything is text so that what was typed, however
 * wrong, can be shown again next to its error.
 *
 * @param title headline
 * @param slug the address; empty to make one from the title
 * @param type an {@link ArticleType} code
 * @param authorIds author ids, one per byline position, in order; empty positions are
 * skipped
 * @param topicIds topic ids
 * @param summary teaser
 * @param dateline place line
 * @param bodyMarkdown body in Markdown
 * @param changeKind {@code major} or {@code minor}, for a story already public
 * @param changeNote public note for a major change
 * @param message why the change was made, for the history
 * @param version the story's version when the form was opened; a save against another
 * version is a conflict
 * @param heroMediaId the media library number of the hero image; empty for none
 * @param documentIds media library numbers of the documents listed under the story, in
 * order
 */
public record ArticleForm(String title, String slug, String type, List<String> authorIds, List<String> topicIds,
		String summary, String dateline, String bodyMarkdown, String changeKind, String changeNote, String message,
		String version, String heroMediaId, List<String> documentIds) {

	/**
	 * Longest text kept when a form comes back with errors; a field's limit is far less.
	 */
	static final int KEPT = 600_000;

	public ArticleForm {
		title = kept(title);
		slug = kept(slug);
		type = kept(type);
		authorIds = (authorIds != null) ? List.copyOf(authorIds.stream().map(ArticleForm::kept).toList()) : List.of();
		topicIds = (topicIds != null) ? List.copyOf(topicIds.stream().map(ArticleForm::kept).toList()) : List.of();
		summary = kept(summary);
		dateline = kept(dateline);
		bodyMarkdown = kept(bodyMarkdown);
		changeKind = kept(changeKind);
		changeNote = kept(changeNote);
		message = kept(message);
		version = kept(version);
		heroMediaId = kept(heroMediaId);
		documentIds = (documentIds != null) ? List.copyOf(documentIds.stream().map(ArticleForm::kept).toList())
				: List.of();
	}

	static ArticleForm empty() {
		return new ArticleForm("", "", ArticleType.NEWS_RELEASE.code(), List.of(), List.of(), "", "", "", "minor", "",
				"", "", "", List.of());
	}

	/** The form for a story as stored, ready for the next save. */
	static ArticleForm of(EditableArticle article) {
		return of(article.workingRevision().toDraft(), article.slug(), article.version()).withMessage("");
	}

	/** The form showing a draft (theirs, on a conflict page). */
	static ArticleForm of(RevisionDraft draft, String slug, int version) {
		return new ArticleForm(draft.title(), slug, (draft.type() != null) ? draft.type().code() : "",
				draft.authorIds().stream().map(String::valueOf).toList(),
				draft.topicIds().stream().map(String::valueOf).toList(), draft.summary(), draft.dateline(),
				draft.bodyMarkdown(), draft.changeKind().name().toLowerCase(java.util.Locale.ROOT), draft.changeNote(),
				draft.message(), Integer.toString(version),
				(draft.heroMediaId() != null) ? Long.toString(draft.heroMediaId()) : "",
				draft.documentIds().stream().map(String::valueOf).toList());
	}

	static ArticleForm of(Revision revision, String slug, int version) {
		return of(revision.toDraft(), slug, version);
	}

	ArticleForm withVersion(int newVersion) {
		return new ArticleForm(this.title, this.slug, this.type, this.authorIds, this.topicIds, this.summary,
				this.dateline, this.bodyMarkdown, this.changeKind, this.changeNote, this.message,
				Integer.toString(newVersion), this.heroMediaId, this.documentIds);
	}

	ArticleForm withMessage(String newMessage) {
		return new ArticleForm(this.title, this.slug, this.type, this.authorIds, this.topicIds, this.summary,
				this.dateline, this.bodyMarkdown, this.changeKind, this.changeNote, newMessage, this.version,
				this.heroMediaId, this.documentIds);
	}

	/**
	 * Every field as a name and value, in form order, for a page that carries the form on
	 * unchanged (the conflict page): listed here beside the fields themselves, so a new
	 * field cannot be forgotten there and silently dropped by "Save my version".
	 */
	public List<FormValue> carried() {
		List<FormValue> values = new ArrayList<>();
		values.add(new FormValue("version", this.version));
		values.add(new FormValue("title", this.title));
		values.add(new FormValue("slug", this.slug));
		values.add(new FormValue("type", this.type));
		this.authorIds.forEach((id) -> values.add(new FormValue("authorIds", id)));
		this.topicIds.forEach((id) -> values.add(new FormValue("topicIds", id)));
		values.add(new FormValue("summary", this.summary));
		values.add(new FormValue("dateline", this.dateline));
		values.add(new FormValue("bodyMarkdown", this.bodyMarkdown));
		values.add(new FormValue("heroMediaId", this.heroMediaId));
		this.documentIds.forEach((id) -> values.add(new FormValue("documentIds", id)));
		values.add(new FormValue("changeKind", this.changeKind));
		values.add(new FormValue("changeNote", this.changeNote));
		values.add(new FormValue("message", this.message));
		return values;
	}

	/**
	 * One form field's name and value.
	 *
	 * @param name the field's name
	 * @param value its value
	 */
	public record FormValue(String name, String value) {
	}

	/**
	 * The slug to save: null to keep the current one or, for a new story, to make one.
	 */
	String slugOrNull() {
		return this.slug.isBlank() ? null : this.slug.strip();
	}

	/**
	 * The version the form was opened at; -1 (never a story's) when it is missing or not
	 * a number.
	 */
	int expectedVersion() {
		try {
			return Integer.parseInt(this.version.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The draft to save, and the problems of what cannot even be read (a type or id that
	 * is not one) keyed by field; the content rules check the rest.
	 */
	RevisionDraft toDraft(Map<String, String> problems) {
		ArticleType articleType = ArticleType.fromCode(this.type).orElse(null);
		if (articleType == null && !this.type.isBlank()) {
			problems.put("type", "Choose one of the kinds of story listed.");
		}
		List<Long> authors = ids(this.authorIds, "authorIds", "The byline names an author who does not exist.",
				problems);
		List<Long> topics = ids(this.topicIds, "topicIds", "A topic does not exist.", problems);
		ChangeKind kind = switch (this.changeKind) {
			case "major" -> ChangeKind.MAJOR;
			case "minor", "" -> ChangeKind.MINOR;
			default -> {
				problems.put("changeKind", "Choose whether the change is major or minor.");
				yield ChangeKind.MINOR;
			}
		};
		Long hero = null;
		if (!this.heroMediaId.isBlank()) {
			try {
				hero = Long.valueOf(this.heroMediaId.strip());
			}
			catch (NumberFormatException ex) {
				problems.put("heroMediaId", "Choose one of the images listed, or none.");
			}
		}
		List<Long> documents = ids(this.documentIds, "documentIds", "Choose documents from those listed.", problems);
		return new RevisionDraft(articleType, this.title, this.summary, this.dateline, this.bodyMarkdown, authors,
				topics, kind, blankToNull(this.changeNote), blankToNull(this.message), hero, documents);
	}

	private static List<Long> ids(List<String> values, String field, String message, Map<String, String> problems) {
		List<Long> ids = new ArrayList<>();
		for (String value : values) {
			if (value.isBlank()) {
				continue;
			}
			try {
				ids.add(Long.parseLong(value.strip()));
			}
			catch (NumberFormatException ex) {
				problems.putIfAbsent(field, message);
			}
		}
		return ids;
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	private static String kept(String typed) {
		if (typed == null) {
			return "";
		}
		return (typed.length() > KEPT) ? typed.substring(0, KEPT) : typed;
	}

}
