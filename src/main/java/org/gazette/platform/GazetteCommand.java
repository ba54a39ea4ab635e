package org.gazette.platform;

import java.util.List;
import java.util.Map;

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

	/**
	 * Runs the command with the options given as {@code --name=value} too. Those are also
	 * application settings, so a command reads only its own and ignores the rest.
	 * @param arguments the words after the command's name
	 * @param options each {@code --name} with its values (an empty list for a bare
	 * {@code --name})
	 * @return the process exit status: 0 for success
	 */
	default int run(List<String> arguments, Map<String, List<String>> options) {
		return run(arguments);
	}

}
