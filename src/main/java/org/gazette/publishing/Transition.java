package org.gazette.publishing;

import java.time.Instant;

/**
 * One workflow action as asked for.
 *
 * @param action what to do
 * @param releaseAt for scheduling: when readers may see the story; otherwise null
 * @param comment why: required to send a story back and to force-publish, optional
 * otherwise; never public
 */
public record Transition(WorkflowAction action, Instant releaseAt, String comment) {

	public static Transition of(WorkflowAction action) {
		return new Transition(action, null, null);
	}

	public static Transition scheduled(WorkflowAction action, Instant releaseAt) {
		return new Transition(action, releaseAt, null);
	}

	public static Transition withComment(WorkflowAction action, String comment) {
		return new Transition(action, null, comment);
	}

}
