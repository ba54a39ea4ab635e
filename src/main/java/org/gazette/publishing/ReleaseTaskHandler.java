package org.gazette.publishing;

/**
 * Work that must happen once when a publication takes effect: a release email, an export,
 * the audit record of the release. Implement it as a Spring bean in any module; Gazette
 * enqueues a task for each handler that {@link #wants} a publication, in the publishing
 * transaction, due at the instant the publication takes effect, and one node runs it then
 * (or as soon as a node is up), retrying with backoff when it fails.
 * <p>
 * {@link #run} joins a transaction that also marks the task done: what a handler writes
 * to the database commits with that mark, or not at all, so such work happens exactly
 * once. Work outside the database (sending an email) happens at least once: a node that
 * stops between sending and committing leaves the task to another node, so key such work
 * on {@link ReleaseTask#id()} where the receiving side allows it. A task does not run
 * when its story is no longer public by then (taken down, or rescheduled).
 */
public interface ReleaseTaskHandler {

	/**
	 * A stable name, stored with each task: lower-case letters, digits and hyphens, at
	 * most 40 characters, unique among handlers (for example {@code subscriber-email}).
	 */
	String kind();

	/** What the work is, in plain words, for the back office ("Subscribers emailed"). */
	default String description() {
		return kind();
	}

	/**
	 * Whether this publication needs the work; by default every one does except a
	 * backdated import ({@link PublicationKind#IMPORT}), which is not news to anyone.
	 */
	default boolean wants(PublicationKind publication) {
		return publication != PublicationKind.IMPORT;
	}

	/**
	 * Does the work; throwing fails this attempt (it is retried later), and rolls back
	 * what the handler wrote to the database.
	 */
	void run(ReleaseTask task);

}
