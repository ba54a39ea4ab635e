package org.gazette.support;

import javax.sql.DataSource;

import org.gazette.content.Content;
import org.gazette.publishing.Publishing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test clock and fixtures for tests that start the whole application. */
@TestConfiguration(proxyBeanMethods = false)
public class WebTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	@Bean
	Stories stories(Content content, Publishing publishing) {
		return new Stories(content, publishing);
	}

	@Bean
	TestNewsroom testNewsroom(DataSource dataSource, MutableClock clock, ApplicationEventPublisher events) {
		return new TestNewsroom(dataSource, clock, events);
	}

}
