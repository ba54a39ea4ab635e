package org.gazette.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link OutgoingMail} makes of a mail server that fails after accepting a message.
 * GreenMail cannot be made to drop the connection at that moment, so the server here is a
 * small SMTP peer on a real socket that accepts the message and then resets the
 * connection when the client says QUIT, as a server going down at that instant does. It
 * refuses addresses that start with "refused", as a server that knows no such mailbox.
 */
class OutgoingMailTests {

	private ServerSocket socket;

	private Thread server;

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	@BeforeEach
	void start() throws IOException {
		this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.server = new Thread(this::serve, "smtp-that-resets");
		this.server.setDaemon(true);
		this.server.start();
	}

	@AfterEach
	void stop() throws Exception {
		this.socket.close();
		this.server.join(5000);
	}

	@Test
	void anEmailTheServerAcceptedIsSentEvenIfTheConnectionThenFails() {
		OutgoingMail.Delivery outcome = mail().deliver(email("reader@example.gov"));

		assertThat(this.accepted).as("messages the server accepted").hasValue(1);
		// Retrying would send it a second time.
		assertThat(outcome).isEqualTo(OutgoingMail.Delivery.SENT);
	}

	@Test
	void aBatchGoesOverOneConnectionAndARefusedAddressFailsOnlyItsOwnEmail() {
		List<OutgoingMail.Delivery> outcomes = mail()
			.deliverAll(List.of(email("first@example.gov"), email("refused@example.gov"), email("third@example.gov")));

		assertThat(outcomes).containsExactly(OutgoingMail.Delivery.SENT, OutgoingMail.Delivery.PERMANENT_FAILURE,
				OutgoingMail.Delivery.SENT);
		assertThat(this.accepted).as("messages the server accepted").hasValue(2);
		assertThat(this.connections).as("connections opened").hasValue(1);
	}

	@Test
	void theSmtpSocketsSendSmallSegmentsAtOnce() throws IOException {
		try (Socket socket = NoDelaySocketFactory.getDefault().createSocket()) {
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	private OutgoingMail mail() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.socket.getLocalPort());
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.timeout", "5000");
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		// As application.yaml configures it.
		properties.setProperty("mail.smtp.socketFactory.class", NoDelaySocketFactory.class.getName());
		sender.setJavaMailProperties(properties);
		return new OutgoingMail(
				new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
				ContentSecurityPolicyTests.properties(""));
	}

	private static OutgoingMail.Email email(String to) {
		return new OutgoingMail.Email(to, "Agency", "Subject", "Text", "<p>Text</p>", Map.of());
	}

	private void serve() {
		try (Socket client = this.socket.accept()) {
			this.connections.incrementAndGet();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = client.getOutputStream();
			reply(out, "220 test ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase();
				if (command.startsWith("QUIT")) {
					// A reset instead of "221": the client's read of the answer fails.
					client.setSoLinger(true, 0);
					return;
				}
				if (command.startsWith("RCPT") && command.contains("REFUSED@")) {
					reply(out, "550 no such mailbox");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 go on");
					String data;
					while ((data = in.readLine()) != null && !".".equals(data)) {
						// the message
					}
					this.accepted.incrementAndGet();
					reply(out, "250 queued");
				}
				else {
					reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// The test closed the socket.
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
