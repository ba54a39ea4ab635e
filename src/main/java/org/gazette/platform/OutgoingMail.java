package org.gazette.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	private static final Logger log = LoggerFactory.getLogger(OutgoingMail.class);

	static {
		// Jakarta Mail looks its stream provider up with a ServiceLoader for every
		// part of every message, which reads the nested jar each time: about a fifth
		// of the CPU of a subscriber email. Naming the provider (Angus Mail's, the
		// only one) makes it a class lookup. A setting made outside wins.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

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
	 * Sends a multipart email (HTML and its plain-text alternative); inside a
	 * transaction, once it has committed, as {@link #send(String, String, String)}.
	 * Failures are logged, not retried: for emails a person is waiting for and can ask
	 * again (a confirmation link).
	 */
	public void send(Email email) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(email);
				}
			});
		}
		else {
			deliver(email);
		}
	}

	/**
	 * Sends a multipart email (HTML and its plain-text alternative) now, with extra
	 * headers such as {@code List-Unsubscribe}, and says how it went: a mail server's 5xx
	 * answer is permanent (the address is refused), anything else (no connection, a 4xx
	 * answer) is worth retrying.
	 */
	public Delivery deliver(Email email) {
		return deliverAll(List.of(email)).get(0);
	}

	/**
	 * Sends emails as {@link #deliver} does, all over one connection to the mail server
	 * (a connection costs several round trips and most of the CPU of a small email), and
	 * says how each went, in order. One refused address does not stop the others; a
	 * connection lost half-way fails the rest, which are worth retrying.
	 */
	public List<Delivery> deliverAll(List<Email> emails) {
		List<Delivery> outcomes = new ArrayList<>(Collections.nCopies(emails.size(), Delivery.TEMPORARY_FAILURE));
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.warn("Email not sent: no SMTP server is configured (spring.mail.host)");
			return outcomes;
		}
		MimeMessage[] messages = new MimeMessage[emails.size()];
		try {
			for (int i = 0; i < messages.length; i++) {
				messages[i] = message(mail, emails.get(i));
			}
			mail.send(messages);
			Collections.fill(outcomes, Delivery.SENT);
			return outcomes;
		}
		catch (MailSendException ex) {
			// Spring sends the rest after a failed message and names each failed one.
			Collections.fill(outcomes, Delivery.SENT);
			for (int i = 0; i < messages.length; i++) {
				Exception failure = ex.getFailedMessages().get(messages[i]);
				if (failure != null) {
					outcomes.set(i, permanent(failure) ? Delivery.PERMANENT_FAILURE : Delivery.TEMPORARY_FAILURE);
				}
			}
			if (acceptedThenDisconnected(ex)) {
				// Trying again would send them a second time.
				log.warn("Emails sent; the mail server's connection failed afterwards: {}",
						ex.getCause().getClass().getSimpleName());
			}
			else {
				log.warn("{} of {} emails not sent: {}", ex.getFailedMessages().size(), messages.length,
						ex.getClass().getSimpleName());
			}
			return outcomes;
		}
		catch (MailException | MessagingException | UnsupportedEncodingException ex) {
			Delivery outcome = permanent(ex) ? Delivery.PERMANENT_FAILURE : Delivery.TEMPORARY_FAILURE;
			log.warn("Emails not sent ({}): {}", outcome, ex.getClass().getSimpleName());
			Collections.fill(outcomes, outcome);
			return outcomes;
		}
	}

	private MimeMessage message(JavaMailSender mail, Email email)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		String fromName = (email.fromName() != null) ? email.fromName() : this.properties.siteName();
		helper.setFrom(new InternetAddress(this.properties.mailFrom(), fromName, "UTF-8"));
		helper.setTo(new InternetAddress(email.to(), true));
		helper.setSubject(email.subject());
		helper.setText(email.text(), email.html());
		for (Map.Entry<String, String> header : email.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	/**
	 * Whether the server accepted the message and only closing the connection failed (it
	 * went down at that moment): Spring then throws with no failed message.
	 */
	private static boolean acceptedThenDisconnected(Exception ex) {
		return ex instanceof MailSendException send && send.getFailedMessages().isEmpty() && send.getCause() != null;
	}

	/** Whether a mail server answered 5xx: the address or message is refused for good. */
	private static boolean permanent(Throwable ex) {
		java.util.Set<Throwable> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(ex));
		while (!todo.isEmpty()) {
			Throwable next = todo.pop();
			if (!seen.add(next)) {
				continue;
			}
			int code = returnCode(next);
			if (code >= 500 && code < 600) {
				return true;
			}
			if (next instanceof MailSendException send) {
				todo.addAll(send.getFailedMessages().values());
			}
			if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
				todo.add(messaging.getNextException());
			}
			if (next.getCause() != null) {
				todo.add(next.getCause());
			}
		}
		return false;
	}

	/**
	 * The SMTP reply code carried by the provider's exceptions (Angus Mail's
	 * {@code SMTPSendFailedException} and {@code SMTPAddressFailedException}); read by
	 * name because the provider is a runtime dependency only. 0 when there is none.
	 */
	private static int returnCode(Throwable ex) {
		if (!(ex instanceof MessagingException)) {
			return 0;
		}
		try {
			Object code = ex.getClass().getMethod("getReturnCode").invoke(ex);
			return (code instanceof Integer number) ? number : 0;
		}
		catch (ReflectiveOperationException | RuntimeException notSmtp) {
			return 0;
		}
	}

	/**
	 * An email with an HTML body and its plain-text alternative.
	 *
	 * @param to the recipient
	 * @param fromName the sender's name (the agency), or null for the site's name
	 * @param subject the subject
	 * @param text the plain-text part
	 * @param html the HTML part
	 * @param headers extra headers, such as {@code List-Unsubscribe}
	 */
	public record Email(String to, String fromName, String subject, String text, String html,
			Map<String, String> headers) {

		public Email {
			headers = Map.copyOf(headers);
		}

		@Override
		public String toString() {
			// No address or body in logs.
			return "Email[" + this.subject + "]";
		}

	}

	/** How sending went. */
	public enum Delivery {

		/** The SMTP server accepted it. */
		SENT,
		/** Not sent, worth trying again later (no connection, a 4xx answer). */
		TEMPORARY_FAILURE,
		/** Refused for good (a 5xx answer): do not try this address again. */
		PERMANENT_FAILURE

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
			if (acceptedThenDisconnected(ex)) {
				return true;
			}
			log.warn("Email not sent ({}): {}", subject, ex.getClass().getSimpleName());
			return false;
		}
	}

}
