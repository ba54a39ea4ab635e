package org.gazette.platform;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command, {@code gazette}; without a subcommand it serves the site. */
@Command(name = "gazette", mixinStandardHelpOptions = true, versionProvider = GazetteVersion.class,
		description = { "Gazette, a publishing platform for official government newsrooms.",
				"Without a command, serves the site (as 'serve' does).",
				"Settings go as --name.with.dots=value (for example --spring.datasource.url=...).",
				"Exit status: 0 done, 1 the work failed, 2 the command line was wrong." },
		commandListHeading = "%nCommands:%n")
class GazetteCli implements Callable<Integer> {

	@Option(names = "--verbose", scope = ScopeType.INHERIT,
			description = "On failure, print the whole error (stack trace), not just its one-line summary.")
	boolean verbose;

	@Override
	public Integer call() {
		// Never reached: the launcher serves the site itself when no command is given.
		return CommandLineLauncher.OK;
	}

}
