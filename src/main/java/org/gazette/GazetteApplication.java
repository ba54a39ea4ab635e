package org.gazette;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gazette: a publishing platform for official government newsrooms. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GazetteApplication {

	public static void main(String[] args) {
		if (args.length > 0 && !args[0].startsWith("-")) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(GazetteApplication.class, args);
	}

	/**
	 * Runs an operator's command ({@code java -jar gazette.jar NAME ...}): the same
	 * application, listening on no port, then returns the command's exit status.
	 */
	public static int runCommand(String... args) {
		SpringApplication application = new SpringApplication(GazetteApplication.class);
		application.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("command",
					java.util.Map.of("gazette.command", args[0], "server.port", "-1"))));
		return SpringApplication.exit(application.run(args));
	}

}
