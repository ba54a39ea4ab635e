package org.gazette.subscriptions;

/** One client asked to subscribe too often within the hour; nothing was changed. */
public class SubscribeLimitException extends RuntimeException {

	SubscribeLimitException() {
		super("Too many subscribe requests from one client");
	}

}
