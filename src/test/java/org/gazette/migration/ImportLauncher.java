package org.gazette.migration;

import java.util.Arrays;
import java.util.Map;

import org.gazette.GazetteApplication;
import picocli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs {@code import-wxr} or {@code import-feed} as the command line will once the
 * picocli dispatcher lands: the application without a web server, then the command bean
 * through picocli. For the benchmark ({@code bench/import.sh}) until then.
 */
public final class ImportLauncher {

	private ImportLauncher() {
	}

	private static boolean isSetting(String arg) {
		return arg.startsWith("--spring.") || arg.startsWith("--gazette.") || arg.startsWith("--logging.");
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(GazetteApplication.class);
		application.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("command",
					Map.of("gazette.command", args[0], "server.port", "-1", "gazette.demo-content", "false"))));
		// Spring's settings (--spring..., --gazette...) go to the application, the rest
		// to
		// the command.
		String[] settings = Arrays.stream(args).filter(ImportLauncher::isSetting).toArray(String[]::new);
		String[] words = Arrays.stream(args).skip(1).filter((arg) -> !isSetting(arg)).toArray(String[]::new);
		int code;
		try (ConfigurableApplicationContext context = application.run(settings)) {
			Object command = args[0].equals("import-feed") ? context.getBean(ImportFeedCommand.class)
					: context.getBean(ImportWxrCommand.class);
			code = new CommandLine(command).execute(words);
		}
		System.exit(code);
	}

}
