package org.gazette.publishing;

import org.springframework.context.ApplicationContext;

/**
 * Runs the release work that is due in a test application, where no thread does (see
 * {@code GazetteWebTest}).
 */
public final class TestReleaseRunner {

	private TestReleaseRunner() {
	}

	/** Runs what is due by the application's clock; returns how many tasks started. */
	public static int runDue(ApplicationContext application) {
		return application.getBean(ReleaseRunner.class).runDue();
	}

}
