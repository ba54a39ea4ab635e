package org.gazette;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gazette: a publishing platform for official government newsrooms. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GazetteApplication {

	public static void main(String[] args) {
		SpringApplication.run(GazetteApplication.class, args);
	}

}
