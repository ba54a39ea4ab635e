package org.gazette.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gazette.content.FieldDiff;
import org.gazette.content.RevisionSummary;

/** The view records of a story's history, comparisons and restore. */
public final class HistoryPages {

	private HistoryPages() {
	}

	/**
	 * One field's differences, labelled for people.
	 *
	 * @param label the field as the edit form names it
	 * @param diff its runs of kept, added and removed text
	 * @param block whether the text is long prose kept with its line breaks
	 */
	public record FieldChange(String label, FieldDiff diff, boolean block) {
	}

	/**
	 * @param articleId the story
	 * @param title its working title
	 * @param revisions every revision, newest first
	 * @param mayRestore whether this person may restore revisions of it
	 * @param notice a confirmation, or null
	 * @param steps its workflow actions, newest first
	 */
	public record HistoryPage(AdminChrome chrome, AdminFormats formats, long articleId, String title,
			List<RevisionSummary> revisions, boolean mayRestore, String notice, List<WorkflowStep> steps) {

		/** The revisions table's rows, with runs of automatic saves folded. */
		public List<RevisionRow> rows() {
			return RevisionRow.of(this.revisions);
		}

		/**
		 * The revision before the newest, to compare with it by default; or the newest.
		 */
		public int defaultFrom() {
			return this.revisions.get(Math.min(1, this.revisions.size() - 1)).number();
		}

	}

	/**
	 * @param articleId the story
	 * @param title its working title
	 * @param revisions every revision, newest first, for choosing others
	 * @param from the older side as typed
	 * @param to the newer side as typed
	 * @param fromRevision the older side, or null when the choice has problems
	 * @param toRevision the newer side, or null
	 * @param changes the fields that differ
	 * @param errors field name to message
	 */
	public record ComparePage(AdminChrome chrome, AdminFormats formats, long articleId, String title,
			List<RevisionSummary> revisions, String from, String to, RevisionSummary fromRevision,
			RevisionSummary toRevision, List<FieldChange> changes, Map<String, String> errors) {
	}

	/**
	 * @param articleId the story
	 * @param title its working title
	 * @param revision the revision to restore
	 * @param working the newest revision, which the restore would follow
	 * @param version the story's version this page was made from, sent back with the form
	 * @param changes how restoring would change the newest revision
	 * @param errors field name to message
	 */
	public record RestorePage(AdminChrome chrome, AdminFormats formats, long articleId, String title,
			RevisionSummary revision, RevisionSummary working, int version, List<FieldChange> changes,
			Map<String, String> errors) {
	}

	/**
	 * One workflow action in a story's history.
	 * @param at when
	 * @param by who
	 * @param what what happened, in words: "Submitted revision 3 for review"
	 * @param comment the comment given with it, or null
	 */
	/**
	 * A line of the revisions table: a revision, and under it the automatic saves just
	 * before it by the same person, folded away so that an hour of autosaves every 30
	 * seconds does not bury the saves people made on purpose. Each is still a revision,
	 * listed, comparable and restorable.
	 *
	 * @param revision the revision shown
	 * @param earlierAutosaves automatic saves just before it, newest first; usually none
	 */
	public record RevisionRow(RevisionSummary revision, List<RevisionSummary> earlierAutosaves) {

		/** The rows for a story's revisions, newest first. */
		static List<RevisionRow> of(List<RevisionSummary> newestFirst) {
			List<RevisionRow> rows = new ArrayList<>();
			int i = 0;
			while (i < newestFirst.size()) {
				RevisionSummary shown = newestFirst.get(i++);
				List<RevisionSummary> folded = new ArrayList<>();
				if (autosave(shown)) {
					while (i < newestFirst.size() && autosave(newestFirst.get(i)) && !newestFirst.get(i).published()
							&& newestFirst.get(i).createdBy().equals(shown.createdBy())) {
						folded.add(newestFirst.get(i++));
					}
				}
				rows.add(new RevisionRow(shown, List.copyOf(folded)));
			}
			return List.copyOf(rows);
		}

		private static boolean autosave(RevisionSummary revision) {
			return StoryEditing.AUTOSAVE_MESSAGE.equals(revision.message());
		}

		/** "revisions 4 to 9", for the folded saves. */
		public String span() {
			int newest = this.earlierAutosaves.get(0).number();
			int oldest = this.earlierAutosaves.get(this.earlierAutosaves.size() - 1).number();
			return (newest == oldest) ? "revision " + newest : "revisions " + oldest + " to " + newest;
		}

	}

	public record WorkflowStep(java.time.Instant at, String by, String what, String comment) {
	}

}
