package org.gazette.support;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free port that the application sends to, and what
 * it received.
 */
public final class TestMail {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private GreenMail server;

	private final int port;

	/** Starts a server; {@link #stop()} it when done. */
	public TestMail() {
		this.server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		this.server.start();
		this.port = this.server.getSmtp().getPort();
	}

	public int port() {
		return this.port;
	}

	public void stop() {
		this.server.stop();
	}

	/**
	 * Stops the server, as an SMTP outage; {@link #restart()} brings it back on the same
	 * port, with no messages.
	 */
	public void outage() {
		this.server.stop();
	}

	public void restart() {
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	public void clear() {
		try {
			this.server.purgeEmailFromAllMailboxes();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Messages received for this address, oldest first. */
	public List<MimeMessage> to(String address) {
		return Arrays.stream(this.server.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	public List<MimeMessage> all() {
		return List.of(this.server.getReceivedMessages());
	}

	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The addresses written in a message's body. */
	public static List<String> links(MimeMessage message) {
		Matcher matcher = LINK.matcher(body(message));
		List<String> links = new java.util.ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group());
		}
		return links;
	}

}
