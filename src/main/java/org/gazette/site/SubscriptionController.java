package org.gazette.site;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.platform.SiteUrls;
import org.gazette.subscriptions.Choices;
import org.gazette.subscriptions.Frequency;
import org.gazette.subscriptions.InvalidLinkException;
import org.gazette.subscriptions.InvalidSubscriptionException;
import org.gazette.subscriptions.Preferences;
import org.gazette.subscriptions.SubscribeLimitException;
import org.gazette.subscriptions.Subscriptions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Email subscription pages: subscribe, confirm, preferences, unsubscribe, and the RFC
 * 8058 one-click unsubscribe that mail programs post. Links that change something show a
 * button first (mail scanners open links; only a person presses buttons), except the
 * one-click address, which only a POST reaches.
 */
@Controller
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final SubscriptionPages pages;

	private final PublicResponses responses;

	private final SiteUrls urls;

	SubscriptionController(Subscriptions subscriptions, SubscriptionPages pages, PublicResponses responses,
			SiteUrls urls) {
		this.subscriptions = subscriptions;
		this.pages = pages;
		this.responses = responses;
		this.urls = urls;
	}

	@GetMapping("/subscribe")
	ResponseEntity<byte[]> form(HttpServletRequest request, @RequestParam(required = false) String topic) {
		SubscribeForm form = new SubscribeForm("", "all", List.of(), List.of(), Frequency.IMMEDIATE.code());
		if (topic != null) {
			form = this.subscriptions.topics()
				.stream()
				.filter((candidate) -> candidate.slug().equals(topic))
				.findFirst()
				.map((found) -> new SubscribeForm("", "some", List.of(Long.toString(found.id())), List.of(),
						Frequency.IMMEDIATE.code()))
				.orElse(form);
		}
		return page(request, 200, "site/subscribe.jte", this.pages.subscribe(form, Map.of(), csrf(request)));
	}

	@PostMapping("/subscribe")
	ResponseEntity<byte[]> subscribe(HttpServletRequest request, SubscribeForm form) {
		try {
			this.subscriptions.subscribe(form.email(), choices(form), request.getRemoteAddr());
		}
		catch (InvalidSubscriptionException ex) {
			return page(request, 400, "site/subscribe.jte", this.pages.subscribe(form, ex.byField(), csrf(request)));
		}
		catch (SubscribeLimitException ex) {
			return page(request, 429, "site/subscribe.jte",
					this.pages.subscribe(form, Map.of("form", "subscribe.limit"), csrf(request)));
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/subscribe/sent").build();
	}

	@GetMapping("/subscribe/sent")
	ResponseEntity<byte[]> sent(HttpServletRequest request) {
		return page(request, 200, "site/subscriptionNotice.jte",
				this.pages.notice("subscribe.sent", csrf(request), null, null));
	}

	@GetMapping("/subscribe/confirm/{token}")
	ResponseEntity<byte[]> confirmation(HttpServletRequest request, @PathVariable String token) {
		Preferences preferences = this.subscriptions.confirmation(token);
		return page(request, 200, "site/subscriptionNotice.jte", this.pages.notice("subscribe.confirm", csrf(request),
				this.urls.confirmSubscription(token), null, preferences.maskedEmail()));
	}

	@PostMapping("/subscribe/confirm/{token}")
	ResponseEntity<byte[]> confirm(HttpServletRequest request, @PathVariable String token) {
		String manage = this.subscriptions.confirm(token);
		return page(request, 200, "site/subscriptionNotice.jte",
				this.pages.notice("subscribe.confirmed", csrf(request), null, this.urls.manageSubscription(manage)));
	}

	@GetMapping("/subscriptions/manage/{token}")
	ResponseEntity<byte[]> preferences(HttpServletRequest request, @PathVariable String token) {
		Preferences preferences = this.subscriptions.preferences(token);
		return page(request, 200, "site/subscribe.jte",
				this.pages.manage(token, preferences, formOf(preferences.choices()), Map.of(), null, csrf(request)));
	}

	@PostMapping("/subscriptions/manage/{token}")
	ResponseEntity<byte[]> changePreferences(HttpServletRequest request, @PathVariable String token,
			SubscribeForm form) {
		try {
			Preferences saved = this.subscriptions.changePreferences(token, choices(form));
			return page(request, 200, "site/subscribe.jte", this.pages.manage(token, saved, formOf(saved.choices()),
					Map.of(), this.pages.text("manage.saved"), csrf(request)));
		}
		catch (InvalidSubscriptionException ex) {
			Preferences preferences = this.subscriptions.preferences(token);
			return page(request, 400, "site/subscribe.jte",
					this.pages.manage(token, preferences, form, ex.byField(), null, csrf(request)));
		}
	}

	@GetMapping("/subscriptions/unsubscribe/{token}")
	ResponseEntity<byte[]> unsubscribePage(HttpServletRequest request, @PathVariable String token) {
		Preferences preferences = this.subscriptions.preferences(token);
		return page(request, 200, "site/subscriptionNotice.jte", this.pages.notice("unsubscribe", csrf(request),
				this.urls.unsubscribe(token), this.urls.manageSubscription(token), preferences.maskedEmail()));
	}

	@PostMapping("/subscriptions/unsubscribe/{token}")
	ResponseEntity<byte[]> unsubscribe(HttpServletRequest request, @PathVariable String token) {
		this.subscriptions.unsubscribe(token);
		return page(request, 200, "site/subscriptionNotice.jte",
				this.pages.notice("unsubscribed", csrf(request), null, this.urls.manageSubscription(token)));
	}

	/** RFC 8058: the mail program posts {@code List-Unsubscribe=One-Click}; no page. */
	@PostMapping("/subscriptions/one-click/{token}")
	ResponseEntity<String> oneClick(@PathVariable String token) {
		this.subscriptions.unsubscribe(token);
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("Unsubscribed.\n");
	}

	@ExceptionHandler(InvalidLinkException.class)
	ResponseEntity<byte[]> invalidLink(HttpServletRequest request, InvalidLinkException ex) {
		if (request.getRequestURI().startsWith("/subscriptions/one-click/")) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_PLAIN)
				.body("This unsubscribe link is not valid.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String key = ex.expired() ? "link.expired" : "link.invalid";
		return page(request, ex.expired() ? 410 : 404, "site/subscriptionNotice.jte",
				this.pages.notice("subscription." + key, csrf(request), null, this.urls.subscribe()));
	}

	private ResponseEntity<byte[]> page(HttpServletRequest request, int status, String template, Object page) {
		// Secret addresses, form tokens and personal choices: kept by no cache, out of
		// search engines, never sent on as a referrer.
		return this.responses.unlisted(request, status, template, page);
	}

	private static CsrfToken csrf(HttpServletRequest request) {
		return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
	}

	private static Choices choices(SubscribeForm form) {
		Frequency frequency = Frequency.fromForm(form.frequency());
		if (!"some".equals(form.scope())) {
			return new Choices(true, Set.of(), Set.of(), frequency);
		}
		Set<Long> topics = new LinkedHashSet<>();
		for (String topic : form.topicsOrEmpty()) {
			try {
				topics.add(Long.parseLong(topic));
			}
			catch (NumberFormatException ex) {
				// Not one of ours: refused as an unknown topic.
				topics.add(-1L);
			}
		}
		return new Choices(false, topics, new LinkedHashSet<>(form.typesOrEmpty()), frequency);
	}

	private static SubscribeForm formOf(Choices choices) {
		return new SubscribeForm(null, choices.allStories() ? "all" : "some",
				choices.topicIds().stream().map(String::valueOf).toList(), List.copyOf(choices.typeCodes()),
				choices.frequency().code());
	}

}
