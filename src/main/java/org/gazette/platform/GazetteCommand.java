package org.gazette.platform;

import java.util.List;

/**
 * A command an operator runs with {@code java -jar gazette.jar NAME [ARGS]}: the
 * application starts without its web server, runs the command and exits with its status.
 */
public interface GazetteCommand {

	/** The name typed on the command line, such as {@code rebuild-search-index}. */
	String name();

	/** One line saying what it does, for the list of commands. */
	String description();

	/**
	 * Runs the command.
	 * @param arguments the words after the command's name
	 * @return the process exit status: 0 for success
	 */
	int run(List<String> arguments);

}
