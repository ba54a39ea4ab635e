package org.gazette.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line, when Gazette was started as a command. */
@Component
@ConditionalOnProperty("gazette.command")
class CommandDispatcher implements ApplicationRunner, ExitCodeGenerator {

	private final List<GazetteCommand> commands;

	private int exitCode;

	CommandDispatcher(List<GazetteCommand> commands) {
		this.commands = commands;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		String name = words.isEmpty() ? "" : words.get(0);
		GazetteCommand command = this.commands.stream().filter((c) -> c.name().equals(name)).findFirst().orElse(null);
		if (command == null) {
			System.err.println("Unknown command: " + name + ". Commands:");
			this.commands.forEach((c) -> System.err.println("  " + c.name() + "  " + c.description()));
			this.exitCode = 2;
			return;
		}
		Map<String, List<String>> options = new LinkedHashMap<>();
		args.getOptionNames().forEach((option) -> options.put(option, args.getOptionValues(option)));
		this.exitCode = command.run(words.subList(1, words.size()), options);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
