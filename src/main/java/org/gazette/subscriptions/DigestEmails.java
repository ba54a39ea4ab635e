package org.gazette.subscriptions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.gazette.platform.GazetteProperties;
import org.gazette.platform.OutgoingMail;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Byline;
import org.gazette.publishing.PublicStory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds a daily digest: the HTML part from the {@code email/digest.jte} template, the
 * plain-text part from the same record, and the subscriber's links and headers
 * ({@link SubscriberLinks}).
 */
@Component
class DigestEmails {

	private final TemplateEngine templates;

	private final SiteUrls urls;

	private final GazetteProperties site;

	private final MessageSource messages;

	private final ZoneId zone;

	private final SubscriberLinks links;

	DigestEmails(TemplateEngine templates, SiteUrls urls, SubscriberLinks links, GazetteProperties site,
			MessageSource messages) {
		this.templates = templates;
		this.urls = urls;
		this.links = links;
		this.site = site;
		this.messages = messages;
		this.zone = site.timeZone();
	}

	/** The digest of the given day listing these stories, newest first. */
	OutgoingMail.Email email(String to, LocalDate date, List<PublicStory> stories, String manageToken) {
		List<DigestEmail.Item> items = stories.stream()
			.map((story) -> new DigestEmail.Item(
					this.messages.getMessage("type." + story.type().code(), null, story.type().code(), Locale.US),
					story.title(), this.urls.absolute(this.urls.story(story.slug())),
					StoryEmails.DATE.format(story.releaseAt().atZone(this.zone)),
					story.releaseAt().atZone(this.zone).toOffsetDateTime().toString(),
					StoryEmails.names(story.bylines().stream().map(Byline::name).toList()),
					(story.summary() != null) ? story.summary() : ""))
			.toList();
		SubscriberLinks.Links links = this.links.of(manageToken);
		DigestEmail email = new DigestEmail(this.site.siteName(), this.site.agencyName(),
				this.site.siteName() + " daily digest, " + StoryEmails.DATE.format(date), StoryEmails.DATE.format(date),
				items, this.urls.absolute(this.urls.home()), links.manageUrl(), links.unsubscribeUrl());
		StringOutput html = new StringOutput();
		this.templates.render("email/digest.jte", email, html);
		return new OutgoingMail.Email(to, this.site.agencyName(), email.subject(), text(email), html.toString(),
				links.headers());
	}

	/** The plain-text part: the same list, one block per story. */
	static String text(DigestEmail email) {
		StringBuilder text = new StringBuilder();
		text.append(email.subject()).append("\n\n");
		int count = email.stories().size();
		text.append((count == 1) ? "1 story" : count + " stories").append(" released since the last digest.\n\n");
		for (DigestEmail.Item story : email.stories()) {
			text.append(story.typeName()).append("\n").append(story.title()).append("\n");
			text.append("Released ").append(story.releaseDate());
			if (!story.bylineText().isEmpty()) {
				text.append(" · By ").append(story.bylineText());
			}
			text.append("\n");
			if (!story.summary().isBlank()) {
				text.append(story.summary()).append("\n");
			}
			text.append("Read it: ").append(story.url()).append("\n\n");
		}
		text.append("Every story: ").append(email.siteUrl()).append("\n\n");
		text.append("You receive this daily email because you subscribed to ").append(email.siteName()).append(".\n");
		text.append("Change what you receive: ").append(email.manageUrl()).append("\n");
		text.append("Unsubscribe: ").append(email.unsubscribeUrl()).append("\n");
		return text.toString();
	}

}
