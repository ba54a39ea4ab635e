package org.gazette;

import java.util.OptionalInt;

import org.gazette.platform.CommandJvm;
import org.gazette.platform.CommandLineLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Gazette: a publishing platform for official government newsrooms. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GazetteApplication {

	/**
	 * Serves the site, or runs the operator's command named first (see
	 * {@link CommandLineLauncher}; {@code --help} lists them). A command runs in a child
	 * JVM tuned for one-shot work ({@link CommandJvm}).
	 */
	public static void main(String[] args) {
		OptionalInt child = CommandJvm.run(args);
		if (child.isPresent()) {
			System.exit(child.getAsInt());
		}
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
