package org.gazette.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gazette.content.ArticleType;
import org.gazette.content.Topic;
import org.gazette.platform.SiteUrls;
import org.gazette.subscriptions.Frequency;
import org.gazette.subscriptions.Preferences;
import org.gazette.subscriptions.Subscriptions;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Builds the records of the email subscription pages. */
@Component
class SubscriptionPages {

	private final Subscriptions subscriptions;

	private final ChromeFactory chrome;

	private final Formats formats;

	private final Messages messages;

	private final SiteUrls urls;

	SubscriptionPages(Subscriptions subscriptions, ChromeFactory chrome, Formats formats, Messages messages,
			SiteUrls urls) {
		this.subscriptions = subscriptions;
		this.chrome = chrome;
		this.formats = formats;
		this.messages = messages;
		this.urls = urls;
	}

	/** The subscribe form, as typed, with the problems found (message keys by field). */
	SubscriptionViews.FormPage subscribe(SubscribeForm form, Map<String, String> problems, CsrfToken csrf) {
		String heading = this.messages.text("subscribe.heading");
		return form(heading, this.messages.text("subscribe.intro"), this.urls.subscribe(), true, form, problems, csrf,
				null, null);
	}

	SubscriptionViews.FormPage manage(String token, Preferences preferences, SubscribeForm form,
			Map<String, String> problems, String notice, CsrfToken csrf) {
		String heading = this.messages.text("manage.heading");
		String intro = this.messages.text("manage.intro." + preferences.status().name().toLowerCase(),
				preferences.maskedEmail());
		return form(heading, intro, this.urls.manageSubscription(token), false, form, problems, csrf,
				this.urls.unsubscribe(token), notice);
	}

	SubscriptionViews.NoticePage notice(String key, CsrfToken csrf, String buttonAction, String linkUrl,
			Object... args) {
		String heading = this.messages.text(key + ".heading");
		return new SubscriptionViews.NoticePage(chrome(heading), heading, this.messages.text(key + ".message", args),
				buttonAction, (buttonAction != null) ? this.messages.text(key + ".button") : null,
				csrf.getParameterName(), csrf.getToken(), linkUrl,
				(linkUrl != null) ? this.messages.text(key + ".link") : null);
	}

	private SubscriptionViews.FormPage form(String heading, String intro, String action, boolean askEmail,
			SubscribeForm form, Map<String, String> problems, CsrfToken csrf, String unsubscribeUrl, String notice) {
		Set<String> topics = Set.copyOf(form.topicsOrEmpty());
		Set<String> types = Set.copyOf(form.typesOrEmpty());
		List<SubscriptionViews.Choice> topicChoices = new ArrayList<>();
		for (Topic topic : this.subscriptions.topics()) {
			String value = Long.toString(topic.id());
			topicChoices.add(
					new SubscriptionViews.Choice("topic-" + topic.slug(), value, topic.name(), topics.contains(value)));
		}
		List<SubscriptionViews.Choice> typeChoices = new ArrayList<>();
		for (ArticleType type : ArticleType.values()) {
			typeChoices.add(new SubscriptionViews.Choice("type-" + type.code(), type.code(),
					this.formats.typePlural(type), types.contains(type.code())));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach((field, key) -> errors.put(field, this.messages.text(key)));
		return new SubscriptionViews.FormPage(chrome(heading), heading, intro, action, csrf.getParameterName(),
				csrf.getToken(), askEmail, (form.email() != null) ? form.email() : "", !"some".equals(form.scope()),
				topicChoices, typeChoices, Frequency.DAILY.code().equals(form.frequency()), dailyHint(), errors,
				unsubscribeUrl, notice);
	}

	/** "7:00 AM Eastern Time": when the digest goes out, as readers tell the time. */
	private String dailyHint() {
		return this.messages.text("subscribe.frequency.daily.hint", this.formats.time(this.subscriptions.digestTime()),
				this.formats.zone().getDisplayName(TextStyle.FULL, Locale.US));
	}

	String text(String key) {
		return this.messages.text(key);
	}

	private Chrome chrome(String heading) {
		return this.chrome.chrome(heading, heading, null, null,
				new PageMeta("website", List.of(), null, null, "noindex"));
	}

}
