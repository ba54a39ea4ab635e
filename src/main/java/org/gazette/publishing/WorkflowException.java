package org.gazette.publishing;

/**
 * A workflow action the story's state, the rules or a colleague's action since forbids;
 * the message says why in words an editor can act on. Web pages answer it with 409.
 */
public class WorkflowException extends RuntimeException {

	public WorkflowException(String message) {
		super(message);
	}

}
