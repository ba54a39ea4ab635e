package org.gazette.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends one email through the configured SMTP server. Addresses and bodies are never
 * logged: they are personal data, and account emails carry one-time links.
 */
@Component
public class OutgoingMail {

	private static final Logger log = LoggerFactory.getLogger(OutgoingMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final GazetteProperties properties;

	OutgoingMail(ObjectProvider<JavaMailSender> sender, GazetteProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/**
	 * Sends a plain-text email; inside a transaction, once it has committed (an email
	 * cannot be taken back if the change is rolled back).
	 */
	public void send(String to, String subject, String text) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sendNow(to, subject, text);
				}
			});
		}
		else {
			sendNow(to, subject, text);
		}
	}

	/**
	 * Sends a plain-text email now.
	 * @return whether the SMTP server accepted it
	 */
	public boolean sendNow(String to, String subject, String text) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.warn("Email not sent ({}): no SMTP server is configured (spring.mail.host)", subject);
			return false;
		}
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(new InternetAddress(this.properties.mailFrom(), this.properties.siteName(), "UTF-8"));
			helper.setTo(new InternetAddress(to, true));
			helper.setSubject(subject);
			helper.setText(text, false);
			mail.send(message);
			return true;
		}
		catch (MailException | MessagingException | UnsupportedEncodingException ex) {
			log.warn("Email not sent ({}): {}", subject, ex.getClass().getSimpleName());
			return false;
		}
	}

}
