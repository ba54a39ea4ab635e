package org.gazette.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
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

	/** What servers stopped by {@link #outage()} had received. */
	private final List<MimeMessage> beforeOutages = new CopyOnWriteArrayList<>();

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
	 * port. What it had received is still counted, as a real server's mailboxes outlive
	 * its outage: a test of exactly-once delivery counts the messages on both sides of
	 * it.
	 */
	public void outage() {
		Managers managers = this.server.getManagers();
		this.server.stop();
		// Read after the stop, which ends the sessions, so a message stored while the
		// server went down is counted too.
		managers.getImapHostManager()
			.getAllMessages()
			.stream()
			.map(StoredMessage::getMimeMessage)
			.forEach(this.beforeOutages::add);
	}

	public void restart() {
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	public void clear() {
		try {
			this.server.purgeEmailFromAllMailboxes();
			this.beforeOutages.clear();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Messages received for this address, oldest first. */
	public List<MimeMessage> to(String address) {
		return all().stream().filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Every message received, before an outage and since, oldest first. */
	public List<MimeMessage> all() {
		List<MimeMessage> all = new ArrayList<>(this.beforeOutages);
		all.addAll(Arrays.asList(this.server.getReceivedMessages()));
		return all;
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
		List<String> links = new ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group());
		}
		return links;
	}

}
