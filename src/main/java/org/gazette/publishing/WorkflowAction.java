package org.gazette.publishing;

import java.util.Arrays;
import java.util.Optional;

import org.gazette.accounts.Role;

/**
 * What people do to move a story along, each with the least role that may do it (see
 * docs/permissions.md). Which states each action starts from is {@link Workflow}'s rule.
 */
public enum WorkflowAction {

	/** A writer hands the draft to the editors. Contributors: their own stories only. */
	SUBMIT("submit", Role.CONTRIBUTOR),
	/** An editor approves the draft for publishing. */
	APPROVE("approve", Role.EDITOR),
	/** An editor returns the draft to its writer with a comment. */
	SEND_BACK("send-back", Role.EDITOR),
	/** Readers get the working revision now. */
	PUBLISH("publish", Role.PUBLISHER),
	/**
	 * Publishes now although the two-person rule forbids it, in an emergency; the story
	 * is flagged until someone else approves it.
	 */
	FORCE_PUBLISH("force-publish", Role.PUBLISHER),
	/** Readers get the working revision at a release instant to come. */
	SCHEDULE("schedule", Role.PUBLISHER),
	/** Moves a scheduled release to another instant to come. */
	RESCHEDULE("reschedule", Role.PUBLISHER),
	/** Calls off a first release that has not happened yet. */
	UNSCHEDULE("unschedule", Role.PUBLISHER),
	/** Takes a public story down. */
	UNPUBLISH("unpublish", Role.PUBLISHER),
	/** Freezes the story for the record. */
	ARCHIVE("archive", Role.PUBLISHER),
	/** Takes a story out of the archive. */
	UNARCHIVE("unarchive", Role.ADMIN),
	/** A second person approves, after the fact, a story published alone. */
	CONFIRM("confirm", Role.EDITOR),
	/** A save changed the state (an approval voided, a new draft over a public story). */
	EDIT("edit", Role.CONTRIBUTOR);

	private final String code;

	private final Role least;

	WorkflowAction(String code, Role least) {
		this.code = code;
		this.least = least;
	}

	/** The value used in addresses and stored in {@code workflow_event.action}. */
	public String code() {
		return this.code;
	}

	/** The least role that may take this action. */
	public Role least() {
		return this.least;
	}

	public static Optional<WorkflowAction> fromCode(String code) {
		return Arrays.stream(values()).filter((action) -> action.code.equals(code)).findFirst();
	}

}
