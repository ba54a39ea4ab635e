package org.gazette.subscriptions;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gazette.platform.SiteUrls;

import org.springframework.stereotype.Component;

/**
 * The links every email to a subscriber carries, story email or digest: the preferences
 * page, the unsubscribe page, and the headers of RFC 8058 one-click unsubscribe.
 */
@Component
class SubscriberLinks {

	private final SiteUrls urls;

	SubscriberLinks(SiteUrls urls) {
		this.urls = urls;
	}

	/** The links that open with this subscriber's manage token. */
	Links of(String manageToken) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + this.urls.absolute(this.urls.oneClickUnsubscribe(manageToken)) + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		// Keeps out-of-office replies away.
		headers.put("Auto-Submitted", "auto-generated");
		return new Links(this.urls.absolute(this.urls.manageSubscription(manageToken)),
				this.urls.absolute(this.urls.unsubscribe(manageToken)), headers);
	}

	/**
	 * @param manageUrl the subscriber's preferences page
	 * @param unsubscribeUrl the unsubscribe page
	 * @param headers {@code List-Unsubscribe}, {@code List-Unsubscribe-Post} and
	 * {@code Auto-Submitted}
	 */
	record Links(String manageUrl, String unsubscribeUrl, Map<String, String> headers) {
	}

}
