package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Instant;

import org.gazette.platform.SecretTokens;

import org.springframework.stereotype.Component;

/**
 * Issues and opens the tokens in subscription links; only their hashes are stored.
 */
@Component
class LinkTokens {

	static final String CONFIRM = "confirm";

	static final String MANAGE = "manage";

	private final SubscriberRepository subscribers;

	private final SubscriptionProperties properties;

	private final Clock clock;

	LinkTokens(SubscriberRepository subscribers, SubscriptionProperties properties, Clock clock) {
		this.subscribers = subscribers;
		this.properties = properties;
		this.clock = clock;
	}

	String issue(long subscriberId, String purpose) {
		String token = SecretTokens.newToken();
		Instant now = this.clock.instant();
		Instant expires = now.plus(
				purpose.equals(CONFIRM) ? this.properties.confirmLinkValidity() : this.properties.manageLinkValidity());
		this.subscribers.addToken(SecretTokens.sha256(token), subscriberId, purpose, now, expires);
		return token;
	}

	/** The subscriber the link is for; refuses unknown, altered and expired links. */
	long open(String token, String purpose) {
		if (!SecretTokens.looksValid(token)) {
			throw new InvalidLinkException(false);
		}
		SubscriberRepository.Token found = this.subscribers.findToken(SecretTokens.sha256(token), purpose)
			.orElseThrow(() -> new InvalidLinkException(false));
		if (!found.expiresAt().isAfter(this.clock.instant())) {
			throw new InvalidLinkException(true);
		}
		return found.subscriberId();
	}

}
