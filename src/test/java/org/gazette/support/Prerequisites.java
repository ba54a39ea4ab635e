package org.gazette.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What to do when a test's prerequisite (PostgreSQL, Chromium) is missing: outside CI the
 * test is skipped with the reason, and {@link SkippedTestsReport} lists it at the end of
 * the run; in CI ({@code GAZETTE_TESTS_REQUIRE_ALL=true}) it fails, so nothing is
 * silently left untested.
 */
public final class Prerequisites {

	private Prerequisites() {
	}

	public static boolean allRequired() {
		return Boolean.parseBoolean(System.getenv().getOrDefault("GAZETTE_TESTS_REQUIRE_ALL", "false"));
	}

	public static void missing(String reason) {
		if (allRequired()) {
			Assertions.fail(reason + " (GAZETTE_TESTS_REQUIRE_ALL is set, so this fails instead of skipping)");
		}
		Assumptions.abort(reason);
	}

}
