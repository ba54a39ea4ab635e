package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.content.DiffSegment;

/** The view records of the story editor's pages, one per template. */
public final class EditorPages {

	private EditorPages() {
	}

	/**
	 * A choice in a list.
	 *
	 * @param value what the form posts
	 * @param label what people read
	 * @param selected whether it is chosen
	 */
	public record Choice(String value, String label, boolean selected) {
	}

	/**
	 * One position in the byline.
	 *
	 * @param position 1 for the first name printed
	 * @param authors the authors to choose from, with the chosen one selected
	 */
	public record BylineSlot(int position, List<Choice> authors) {

		public boolean filled() {
			return this.authors.stream().anyMatch(Choice::selected);
		}

	}

	/**
	 * The story editor, for a new story or a saved one.
	 *
	 * @param chrome layout
	 * @param heading the page heading
	 * @param action where the form saves
	 * @param previewAction where the preview button posts
	 * @param autosaveUrl where the page saves on its own, or null when it does not (new
	 * stories, public stories)
	 * @param historyUrl the story's history, or null for a new story
	 * @param publicUrl the story's public page, or null when it was never published
	 * @param storageKey names this story's unsaved copy in the browser's storage
	 * @param form the fields as stored or as typed
	 * @param types kinds of story
	 * @param bylines byline positions
	 * @param topics topics to tick
	 * @param isPublic whether readers have seen the story (asks for the kind of change)
	 * @param slugEditable whether the address can still change
	 * @param savedBy who saved the shown revision and when, or null for a new story
	 * @param notice a confirmation, or null
	 * @param errors field name to message, in the order of the form
	 * @param summaryMax the summary's limit
	 * @param workflow where the story stands and what this person can do with it, or null
	 * for a new story
	 * @param media the library's images (hero, text) and documents to choose from
	 */
	public record EditorPage(AdminChrome chrome, String heading, String action, String previewAction,
			String autosaveUrl, String historyUrl, String publicUrl, String storageKey, ArticleForm form,
			List<Choice> types, List<BylineSlot> bylines, List<Choice> topics, boolean isPublic, boolean slugEditable,
			String savedBy, String notice, Map<String, String> errors, int summaryMax, WorkflowPanel workflow,
			MediaPicker media) {

		public boolean hasError(String field) {
			return this.errors.containsKey(field);
		}

		public String describedBy(String field, String hint) {
			String ids = (hasError(field) ? field + "-error " : "") + ((hint != null) ? hint : "");
			return ids.isBlank() ? null : ids.strip();
		}

	}

	/**
	 * The media library in the editor: images for the hero and the text, documents to
	 * list under the story.
	 *
	 * @param images the newest images, and the chosen hero wherever it is
	 * @param documents the chosen documents in the story's order, then the newest others
	 */
	public record MediaPicker(List<ImageChoice> images, List<Choice> documents) {

		public boolean noHero() {
			return this.images.stream().noneMatch(ImageChoice::selected);
		}

	}

	/**
	 * An image to choose as the hero or to put in the text.
	 *
	 * @param value its library number, as the form posts it
	 * @param title what editors call it
	 * @param thumbnailUrl its smallest rendition, or null when it is not in the library
	 * @param markdown the Markdown that puts it in the text, or null
	 * @param selected whether it is the hero
	 */
	public record ImageChoice(String value, String title, String thumbnailUrl, String markdown, boolean selected) {
	}

	/**
	 * A save refused because someone else saved first.
	 *
	 * @param chrome layout
	 * @param action where the choices post
	 * @param editUrl their version in the editor
	 * @param theirsBy who saved their version
	 * @param theirsAt when
	 * @param theirsNumber its revision number
	 * @param mine what this person tried to save, with the version to save against now
	 * @param changes the fields that differ
	 * @param unchanged the fields that do not, listed
	 */
	public record ConflictPage(AdminChrome chrome, String action, String editUrl, String theirsBy, String theirsAt,
			int theirsNumber, ArticleForm mine, List<DiffRow> changes, String unchanged) {
	}

	/**
	 * One field that differs between their version and mine.
	 *
	 * @param label the field
	 * @param segments word-level differences: removed is only in theirs, added only in
	 * mine
	 * @param theirs their value
	 * @param mine my value
	 */
	public record DiffRow(String label, List<DiffSegment> segments, String theirs, String mine) {
	}

	/**
	 * Where a story stands in the workflow and the actions this person may take, each a
	 * small form of its own.
	 *
	 * @param status one sentence: "Scheduled for December 2, 2026 at 9:30 AM EST (in 3
	 * hours)."
	 * @param details further lines
	 * @param warning something that needs someone's attention, or null
	 * @param version the story's version, sent back with every action
	 * @param actions what this person may do now
	 * @param zoneName the site's time zone, named for the time fields
	 * @param releaseDate the date typed (kept after an error), or a suggestion
	 * @param releaseTime the time typed, or a suggestion
	 * @param comments comments typed, by action code (kept after an error)
	 * @param errors problems with the action's own fields, by field id
	 */
	public record WorkflowPanel(String status, List<String> details, String warning, int version,
			List<ActionForm> actions, String zoneName, String releaseDate, String releaseTime,
			Map<String, String> comments, Map<String, String> errors) {

		public String comment(String action) {
			return this.comments.getOrDefault(action, "");
		}

		public String error(String field) {
			return this.errors.get(field);
		}

	}

	/**
	 * One workflow action as a button (with its fields).
	 *
	 * @param code the action's code, also the last part of its address
	 * @param label the button's words
	 * @param url where the form posts
	 * @param hint what happens, in a sentence
	 * @param needsComment whether it asks for a comment
	 * @param commentLabel the comment field's label
	 * @param needsTime whether it asks for a release date and time
	 * @param style "primary", "secondary", "warning", or "link" for an action with a page
	 * of its own
	 */
	public record ActionForm(String code, String label, String url, String hint, boolean needsComment,
			String commentLabel, boolean needsTime, String style) {

		public boolean isLink() {
			return "link".equals(this.style);
		}

		public String buttonClass() {
			return switch (this.style) {
				case "primary" -> "usa-button";
				case "warning" -> "usa-button usa-button--secondary";
				default -> "usa-button usa-button--outline";
			};
		}

	}

}
