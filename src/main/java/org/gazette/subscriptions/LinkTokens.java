package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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
		Instant expires = now.plus(validity(purpose));
		this.subscribers.addToken(SecretTokens.sha256(token), subscriberId, purpose, now, expires);
		return token;
	}

	/**
	 * One token of the purpose for each of these subscribers, stored in one statement (a
	 * batch of emails needs a manage token each).
	 */
	Map<Long, String> issueAll(Collection<Long> subscriberIds, String purpose) {
		Map<Long, String> tokens = new HashMap<>();
		Map<String, Long> hashes = new HashMap<>();
		for (long subscriberId : subscriberIds) {
			String token = SecretTokens.newToken();
			tokens.put(subscriberId, token);
			hashes.put(SecretTokens.sha256(token), subscriberId);
		}
		Instant now = this.clock.instant();
		this.subscribers.addTokens(hashes, purpose, now, now.plus(validity(purpose)));
		return tokens;
	}

	private Duration validity(String purpose) {
		return purpose.equals(CONFIRM) ? this.properties.confirmLinkValidity() : this.properties.manageLinkValidity();
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
