package org.gazette;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gazette: a publishing platform for official government newsrooms. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GazetteApplication {

	public static void main(String[] args) {
		if (args.length > 0 && !args[0].startsWith("-")) {
			// An operator's command (java -jar gazette.jar NAME ...): no web server, then
			// exit.
			SpringApplication application = new SpringApplication(GazetteApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.setDefaultProperties(java.util.Map.of("gazette.command", args[0]));
			System.exit(SpringApplication.exit(application.run(args)));
		}
		SpringApplication.run(GazetteApplication.class, args);
	}

}
