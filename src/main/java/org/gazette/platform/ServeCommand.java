package org.gazette.platform;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * {@code serve}: the web site and back office, the default. The launcher starts the
 * application itself (it keeps running); this class only gives the command its name and
 * help.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Serve the site and the back office (the default when no command is given).",
				"Settings go as --name.with.dots=value, for example --server.port=8081." })
class ServeCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		return CommandLineLauncher.OK;
	}

}
