package org.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts tests skipped for a missing prerequisite and writes, per reason, how many were
 * skipped to {@code target/skipped-tests.txt}; the build prints that file after the tests
 * (see pom.xml).
 */
public class SkippedTestsReport implements TestExecutionListener {

	private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()) {
			String reason = result.getThrowable().map(Throwable::getMessage).orElse("no reason given");
			this.reasons.computeIfAbsent(reason.replace("Assumption failed: ", ""), (r) -> new AtomicInteger())
				.incrementAndGet();
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan plan) {
		StringBuilder report = new StringBuilder();
		if (this.reasons.isEmpty()) {
			report.append("All PostgreSQL and browser tests ran; none were skipped.\n");
		}
		else {
			report.append("SKIPPED TESTS (their prerequisite is missing on this machine):\n");
			new TreeMap<>(this.reasons).forEach((reason,
					count) -> report.append("  ").append(count).append(" skipped: ").append(reason).append('\n'));
		}
		try {
			Path target = Path.of("target");
			Files.createDirectories(target);
			Files.writeString(target.resolve("skipped-tests.txt"), report.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
