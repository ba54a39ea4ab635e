package org.gazette.subscriptions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.gazette.support.BackOffice;
import org.gazette.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribes readers through the public pages and their emails, as a reader does. */
final class SubscriptionFlow {

	static final String SITE = "https://news.example.gov";

	private final int port;

	private final TestMail mail;

	SubscriptionFlow(int port, TestMail mail) {
		this.port = port;
		this.mail = mail;
	}

	static String freshEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov";
	}

	/** Posts the subscribe form from a fresh browser; returns the answer. */
	BackOffice.Page subscribe(Map<String, String> fields) {
		BackOffice browser = new BackOffice(this.port);
		assertThat(browser.get("/subscribe").status()).isEqualTo(200);
		return browser.post("/subscribe", fields);
	}

	/** Subscribes and confirms the address; returns the preferences page's path. */
	String subscribed(String email, Map<String, String> choices) {
		Map<String, String> fields = new java.util.HashMap<>(choices);
		fields.put("email", email);
		assertThat(subscribe(fields).status()).isEqualTo(303);
		String confirm = path(onlyLink(latest(email), "/subscribe/confirm/"));
		BackOffice browser = new BackOffice(this.port);
		assertThat(browser.get(confirm).status()).isEqualTo(200);
		BackOffice.Page confirmed = browser.post(confirm, Map.of());
		assertThat(confirmed.status()).isEqualTo(200);
		return confirmed.document().select("main a[href^=/subscriptions/manage/]").attr("href");
	}

	MimeMessage latest(String email) {
		List<MimeMessage> messages = this.mail.to(email);
		assertThat(messages).isNotEmpty();
		return messages.get(messages.size() - 1);
	}

	static String onlyLink(MimeMessage message, String prefix) {
		// Each link is in both parts: as text, and in the HTML as an attribute.
		List<String> links = TestMail.links(message)
			.stream()
			.map((link) -> link.replaceAll("[\"'>].*$", ""))
			.filter((link) -> link.startsWith(SITE + prefix))
			.distinct()
			.toList();
		assertThat(links).hasSize(1);
		return links.get(0);
	}

	/** The decoded text of the message's one part of this type. */
	static String part(jakarta.mail.Part part, String type) throws Exception {
		List<String> found = new java.util.ArrayList<>();
		collect(part, type, found);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static void collect(jakarta.mail.Part part, String type, List<String> found) throws Exception {
		if (part.isMimeType("multipart/*")) {
			jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), type, found);
			}
		}
		else if (part.isMimeType(type)) {
			found.add((String) part.getContent());
		}
	}

	static String path(String link) {
		return link.substring(SITE.length());
	}

}
