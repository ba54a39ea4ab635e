package org.gazette.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.gazette.platform.GazetteProperties;
import org.gazette.platform.OutgoingMail;

import org.springframework.stereotype.Component;

/**
 * The emails about a subscription itself, as accessible HTML (the
 * {@code email/subscriptionNotice.jte} template) and plain text, like the story emails.
 * Plain language, no tracking, no unsubscribe headers: the address is not subscribed yet,
 * or is told how to manage what it is subscribed to.
 */
@Component
class SubscriberEmails {

	private final TemplateEngine templates;

	private final GazetteProperties site;

	SubscriberEmails(TemplateEngine templates, GazetteProperties site) {
		this.templates = templates;
		this.site = site;
	}

	OutgoingMail.Email confirm(String to, String link, Duration validity) {
		String siteName = this.site.siteName();
		return email(to, new SubscriptionNotice(siteName, this.site.agencyName(),
				"Confirm your subscription to " + siteName,
				List.of("Someone asked for %s's stories to be sent to this address. If it was you, open this link within %d hours to confirm:"
					.formatted(siteName, validity.toHours())),
				"Confirm your subscription", link,
				List.of("Nothing is sent until you confirm. If you did not ask for this, ignore this email and you will not hear from us again.")));
	}

	OutgoingMail.Email alreadySubscribed(String to, String manageLink) {
		String siteName = this.site.siteName();
		return email(to, new SubscriptionNotice(siteName, this.site.agencyName(), "Your subscription to " + siteName,
				List.of("Someone asked for %s's stories to be sent to this address, which is already subscribed. Nothing has changed."
					.formatted(siteName), "To change what you receive, or to unsubscribe, open this link:"),
				"Change what you receive", manageLink, List.of()));
	}

	private OutgoingMail.Email email(String to, SubscriptionNotice notice) {
		StringOutput html = new StringOutput();
		this.templates.render("email/subscriptionNotice.jte", notice, html);
		return new OutgoingMail.Email(to, null, notice.subject(), notice.text(), html.toString(),
				Map.of("Auto-Submitted", "auto-generated"));
	}

}
