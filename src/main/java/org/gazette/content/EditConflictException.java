package org.gazette.content;

/**
 * Someone else changed the story since the editor opened it, so the save was refused
 * instead of silently overwriting their work. Carries both sides for a conflict page:
 * what is stored now (their revision, who saved it and when) and what this editor tried
 * to save; {@link Content#compare(RevisionDraft, RevisionDraft)} shows the differences.
 */
public class EditConflictException extends RuntimeException {

	private final EditableArticle current;

	private final int expectedVersion;

	private final RevisionDraft attempted;

	public EditConflictException(EditableArticle current, int expectedVersion, RevisionDraft attempted) {
		super("Story " + current.id() + " changed since it was opened: version " + current.version() + ", not "
				+ expectedVersion + "; last saved by " + current.workingRevision().createdBy() + " at "
				+ current.workingRevision().createdAt() + ".");
		this.current = current;
		this.expectedVersion = expectedVersion;
		this.attempted = attempted;
	}

	/** The story as stored now; its version is the one to save against next. */
	public EditableArticle current() {
		return this.current;
	}

	/** Their side: the working revision as stored now. */
	public Revision theirs() {
		return this.current.workingRevision();
	}

	/** The version the refused save expected. */
	public int expectedVersion() {
		return this.expectedVersion;
	}

	/** My side: what the refused save would have stored (null for a restore). */
	public RevisionDraft attempted() {
		return this.attempted;
	}

}
