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
			// An operator's command (java -jar gazette.jar NAME ...): the same
			// application,
			// listening on no port (server.port=-1), then exit with the command's status.
			SpringApplication application = new SpringApplication(GazetteApplication.class);
			application.addInitializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("command",
						java.util.Map.of("gazette.command", args[0], "server.port", "-1"))));
			System.exit(SpringApplication.exit(application.run(args)));
		}
		SpringApplication.run(GazetteApplication.class, args);
	}

}
