package org.gazette;

import org.gazette.platform.CommandLineLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gazette: a publishing platform for official government newsrooms. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GazetteApplication {

	/**
	 * Serves the site, or runs the operator's command named first (see
	 * {@link CommandLineLauncher}; {@code --help} lists them).
	 */
	public static void main(String[] args) {
		CommandLineLauncher.main(GazetteApplication.class, args);
	}

	/**
	 * Runs an operator's command ({@code java -jar gazette.jar NAME ...}) without the web
	 * server and returns its exit status instead of exiting; for tests.
	 */
	public static int runCommand(String... args) {
		return CommandLineLauncher.run(GazetteApplication.class, args);
	}

}
