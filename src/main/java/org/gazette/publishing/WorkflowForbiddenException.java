package org.gazette.publishing;

/** A workflow action the person's role does not allow; web pages answer it with 403. */
public class WorkflowForbiddenException extends WorkflowException {

	public WorkflowForbiddenException(String message) {
		super(message);
	}

}
