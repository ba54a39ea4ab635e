package org.gazette.platform;

import java.util.List;

import org.gazette.GazetteApplication;
import org.gazette.support.CommandRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar gazette.jar ...} as scripts see it: help for every command, exit
 * status 2 and one line for a wrong command line. None of this starts the application.
 */
class CommandLineTests {

	private static final List<String> COMMANDS = List.of("serve", "create-admin", "import", "export", "backup",
			"restore", "reindex", "export-static", "import-wxr", "import-feed");

	@Test
	void listsEveryCommandWithItsPurpose() {
		CommandRun help = CommandRun.of(() -> GazetteApplication.runCommand("--help"));
		assertThat(help.status()).isZero();
		assertThat(help.out()).startsWith("Usage: gazette [-hV] [--verbose] [COMMAND]")
			.contains("Exit status: 0 done, 1 the work failed, 2 the command line was wrong.");
		for (String command : COMMANDS) {
			assertThat(help.out()).containsPattern("(?m)^  " + command + "[ ,]");
		}
		assertThat(CommandLineLauncher.commandsOf(GazetteApplication.class))
			.allSatisfy((type) -> assertThat(type).isAssignableTo(java.util.concurrent.Callable.class));
	}

	@Test
	void everyCommandIsNamedSoThatTheLauncherFindsIt() {
		assertThat(CommandLineLauncher.commandsOf(GazetteApplication.class)).hasSize(COMMANDS.size() - 1)
			.containsExactlyElementsOf(CommandLineLauncher.commandsOf(GazetteApplication.class, "**/*.class"));
	}

	@Test
	void everyCommandExplainsItselfWithHelpAndExitsZero() {
		for (String command : COMMANDS) {
			CommandRun help = CommandRun.of(() -> GazetteApplication.runCommand(command, "--help"));
			assertThat(help.status()).as(command).isZero();
			assertThat(help.out()).as(command)
				.startsWith("Usage: gazette " + command + " [-hV]")
				.contains("-h, --help", "--verbose");
			assertThat(help.err()).as(command).isEmpty();
		}
		assertThat(CommandRun.of(() -> GazetteApplication.runCommand("import", "--help")).out())
			.contains("EMPTY database", "FILE", "--media=DIR", "Exit status: 0 imported, 1 refused or failed");
		assertThat(CommandRun.of(() -> GazetteApplication.runCommand("restore", "-h")).out()).contains("--replace",
				"Stop Gazette first");
	}

	@Test
	void aWrongCommandLineIsOneLineAndStatusTwo() {
		CommandRun unknown = CommandRun.of(() -> GazetteApplication.runCommand("frobnicate"));
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err().lines()).singleElement()
			.asString()
			.contains("Unmatched argument at index 0: 'frobnicate'")
			.contains("(see gazette --help)");
		CommandRun badOption = CommandRun.of(() -> GazetteApplication.runCommand("export", "site.jsonl", "--colour"));
		assertThat(badOption.status()).isEqualTo(2);
		assertThat(badOption.err()).startsWith("export: Unknown option: '--colour'");
		CommandRun missing = CommandRun.of(() -> GazetteApplication.runCommand("backup"));
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).startsWith("backup: Missing required parameter: 'DIR'");
	}

	@Test
	void settingsWithDotsGoToTheApplicationNotToTheCommand() {
		assertThat(CommandLineLauncher.isSetting("--spring.datasource.url=jdbc:h2:mem:x")).isTrue();
		assertThat(CommandLineLauncher.isSetting("--server.port=18080")).isTrue();
		assertThat(CommandLineLauncher.isSetting("--with-media=media")).isFalse();
		assertThat(CommandLineLauncher.isSetting("--base-url=https://a.gov/x.y")).isFalse();
		assertThat(CommandLineLauncher.isSetting("site.jsonl")).isFalse();
	}

}
