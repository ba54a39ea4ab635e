package org.gazette.support;

import javax.sql.DataSource;

import org.gazette.accounts.Accounts;
import org.gazette.accounts.AccountsProperties;
import org.gazette.accounts.SecondFactors;
import org.gazette.content.Content;
import org.gazette.publishing.Publishing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The test clock and fixtures for tests that start the whole application. */
@TestConfiguration(proxyBeanMethods = false)
public class WebTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	/** A real SMTP server for the application's emails. */
	@Bean(destroyMethod = "stop")
	TestMail testMail() {
		return new TestMail();
	}

	@Bean
	@Primary
	JavaMailSender testMailSender(TestMail mail) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(mail.port());
		return sender;
	}

	@Bean
	TestAccounts testAccounts(Accounts accounts, SecondFactors factors, AccountsProperties properties,
			MutableClock clock, JdbcClient jdbc) {
		return new TestAccounts(accounts, factors, properties, clock, jdbc);
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
