package org.gazette.admin;

import java.util.List;

import org.gazette.publishing.OverdueReleaseTask;
import org.gazette.publishing.ReleaseTaskState;

/**
 * The dashboard's warning that work due at a release (emails, exports) has not finished,
 * for publishers and admins.
 *
 * @param rows one per overdue piece of work, oldest first; empty when all is well
 */
public record ReleaseWorkAlert(List<Row> rows) {

	static final ReleaseWorkAlert NONE = new ReleaseWorkAlert(List.of());

	/**
	 * @param title the story's title
	 * @param storyUrl where to open the story
	 * @param work what the work is
	 * @param due when it was due, as people read it
	 * @param dueIso the same, for {@code <time datetime>}
	 * @param state where it stands, in a sentence
	 * @param retryUrl where a publisher asks Gazette to try again; null unless Gazette
	 * gave up
	 */
	public record Row(String title, String storyUrl, String work, String due, String dueIso, String state,
			String retryUrl) {
	}

	static ReleaseWorkAlert of(List<OverdueReleaseTask> overdue, AdminFormats formats) {
		return new ReleaseWorkAlert(overdue.stream()
			.map((task) -> new Row((task.title() != null) ? task.title() : "Untitled story",
					"/admin/articles/" + task.articleId() + "/edit", task.description(), formats.dateTime(task.dueAt()),
					formats.iso(task.dueAt()), state(task),
					(task.state() == ReleaseTaskState.FAILED) ? "/admin/release-work/" + task.id() + "/retry" : null))
			.toList());
	}

	private static String state(OverdueReleaseTask task) {
		String state = switch (task.state()) {
			case PENDING -> (task.attempts() == 0) ? "No server has started it yet."
					: "Failed " + times(task.attempts()) + "; Gazette will try again.";
			case RUNNING -> "Running now (attempt " + task.attempts() + ").";
			default -> "Gazette gave up after " + times(task.attempts()) + ".";
		};
		return (task.lastError() != null) ? state + " Last error: " + task.lastError() + "." : state;
	}

	private static String times(int count) {
		return (count == 1) ? "once" : count + " times";
	}

}
