package org.gazette.subscriptions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.gazette.publishing.Byline;
import org.gazette.publishing.PublicStory;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.OutgoingMail;
import org.gazette.platform.SecretTokens;
import org.gazette.platform.SiteUrls;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds a story's email: the HTML part from the {@code email/story.jte} template, the
 * plain-text part from the same record, and the subscriber's links and headers
 * ({@link SubscriberLinks}).
 */
@Component
class StoryEmails {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final TemplateEngine templates;

	private final SiteUrls urls;

	private final GazetteProperties site;

	private final MessageSource messages;

	private final ZoneId zone;

	private final SubscriberLinks links;

	/**
	 * Where each subscriber's token goes in a rendered email: random, so that no story
	 * can hold it.
	 */
	private final String tokenSlot = SecretTokens.newToken();

	StoryEmails(TemplateEngine templates, SiteUrls urls, SubscriberLinks links, GazetteProperties site,
			MessageSource messages) {
		this.templates = templates;
		this.urls = urls;
		this.links = links;
		this.site = site;
		this.messages = messages;
		this.zone = site.timeZone();
	}

	/**
	 * A story's email, rendered once for all the subscribers it goes to: only the token
	 * in its links differs from one to the next.
	 */
	Rendered render(PublicStory story) {
		SubscriberLinks.Links links = this.links.of(this.tokenSlot);
		StoryEmail email = new StoryEmail(this.site.siteName(), this.site.agencyName(),
				this.messages.getMessage("type." + story.type().code(), null, story.type().code(), Locale.US),
				story.title(), DATE.format(story.releaseAt().atZone(this.zone)),
				story.releaseAt().atZone(this.zone).toOffsetDateTime().toString(),
				names(story.bylines().stream().map(Byline::name).toList()),
				(story.summary() != null) ? story.summary() : "", story.bodyHtml(),
				this.urls.absolute(this.urls.story(story.slug())), links.manageUrl(), links.unsubscribeUrl());
		StringOutput html = new StringOutput();
		this.templates.render("email/story.jte", email, html);
		return new Rendered(this.tokenSlot, this.site.agencyName(), story.title(), text(email), html.toString(),
				links.headers());
	}

	/**
	 * A story's email with a stand-in for the subscriber's token, which {@link #to} puts
	 * in.
	 */
	record Rendered(String tokenSlot, String fromName, String subject, String text, String html,
			Map<String, String> headers) {

		/** The email to one subscriber, with links that open with their manage token. */
		OutgoingMail.Email to(String address, String manageToken) {
			Map<String, String> personal = new LinkedHashMap<>();
			this.headers.forEach((name, value) -> personal.put(name, value.replace(this.tokenSlot, manageToken)));
			return new OutgoingMail.Email(address, this.fromName, this.subject,
					this.text.replace(this.tokenSlot, manageToken), this.html.replace(this.tokenSlot, manageToken),
					personal);
		}

	}

	/** The plain-text part: the same content, the body's paragraphs as lines of text. */
	static String text(StoryEmail email) {
		StringBuilder text = new StringBuilder();
		text.append(email.typeName()).append("\n").append(email.title()).append("\n\n");
		text.append("Released ").append(email.releaseDate());
		if (!email.bylineText().isEmpty()) {
			text.append(" · By ").append(email.bylineText());
		}
		text.append("\n\n");
		if (!email.summary().isBlank()) {
			text.append(email.summary()).append("\n\n");
		}
		text.append(plain(email.bodyHtml()));
		text.append("\nRead this story: ").append(email.storyUrl()).append("\n\n");
		text.append("You receive this email because you subscribed to ").append(email.siteName()).append(".\n");
		text.append("Change what you receive: ").append(email.manageUrl()).append("\n");
		text.append("Unsubscribe: ").append(email.unsubscribeUrl()).append("\n");
		return text.toString();
	}

	/**
	 * The sanitized body as text: blocks end in blank lines, list items start with a
	 * dash, links keep their address in brackets, tags go and entities are decoded.
	 */
	static String plain(String html) {
		String text = html.replaceAll("(?i)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2 [$1]")
			.replaceAll("(?i)<li[^>]*>", "- ")
			.replaceAll("(?i)</(p|h[1-6]|blockquote|ul|ol|table|pre)>", "\n\n")
			.replaceAll("(?i)<br\\s*/?>|</li>|</tr>", "\n")
			.replaceAll("<[^>]*>", "");
		text = HtmlUtils.htmlUnescape(text).replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
		return text.strip() + "\n";
	}

	static String names(List<String> names) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			text.append((i == 0) ? "" : (i == names.size() - 1) ? " and " : ", ").append(names.get(i));
		}
		return text.toString();
	}

}
