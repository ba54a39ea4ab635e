package org.gazette.subscriptions;

import org.springframework.context.ApplicationContext;

/**
 * Sends the queued subscriber emails in a test application, where no thread does (see
 * {@code GazetteWebTest}).
 */
public final class TestDeliveryRunner {

	private TestDeliveryRunner() {
	}

	/**
	 * Sends every email due by the application's clock; returns how many rows it handled.
	 */
	public static int sendDue(ApplicationContext application) {
		return application.getBean(DeliveryRunner.class).sendDue(Integer.MAX_VALUE);
	}

}
