package org.gazette.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down, then locks, repeated failed sign-ins for the typed address and for the
 * client. The same rule applies whether or not the address has an account, so the answer
 * reveals nothing; the counts live in the database, so every node applies them.
 */
@Component
class SignInThrottle {

	/** Failures older than this are forgotten. */
	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	static final Limits PER_ADDRESS = new Limits(5, 10);

	static final Limits PER_CLIENT = new Limits(20, 50);

	/** Prefix of second-factor subjects; no email address contains a space. */
	private static final String SECOND_FACTOR = "second factor ";

	private final SignInThrottleRepository counts;

	private final Clock clock;

	SignInThrottle(SignInThrottleRepository counts, Clock clock) {
		this.counts = counts;
		this.clock = clock;
	}

	/** How long this address and client must wait before trying again; empty if not. */
	@Transactional(readOnly = true)
	public Optional<Duration> waitFor(String email, String client) {
		Instant now = this.clock.instant();
		Duration address = wait(addressKey(email), PER_ADDRESS, now);
		Duration fromClient = (client != null) ? wait(clientKey(client), PER_CLIENT, now) : Duration.ZERO;
		Duration longest = address.compareTo(fromClient) >= 0 ? address : fromClient;
		return positive(longest) ? Optional.of(longest) : Optional.empty();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String email, String client) {
		Instant now = this.clock.instant();
		this.counts.addFailure(addressKey(email), now, WINDOW);
		if (client != null) {
			this.counts.addFailure(clientKey(client), now, WINDOW);
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String email) {
		this.counts.forget(addressKey(email));
	}

	/**
	 * The same rule for second factors (codes and keys), counted apart from passwords for
	 * the account but together with them for the client.
	 */
	@Transactional(readOnly = true)
	public Optional<Duration> waitForSecondFactor(String email, String client) {
		return waitFor(SECOND_FACTOR + email, client);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void secondFactorFailed(String email, String client) {
		failed(SECOND_FACTOR + email, client);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void secondFactorSucceeded(String email) {
		succeeded(SECOND_FACTOR + email);
	}

	private Duration wait(String key, Limits limits, Instant now) {
		return this.counts.find(key)
			.filter((count) -> count.lastFailureAt().plus(WINDOW).isAfter(now) || lockedAt(count, limits, now))
			.map((count) -> Duration.between(now, limits.nextTry(count)))
			.filter(SignInThrottle::positive)
			.orElse(Duration.ZERO);
	}

	private static boolean positive(Duration duration) {
		return !duration.isZero() && !duration.isNegative();
	}

	private static boolean lockedAt(SignInThrottleRepository.Count count, Limits limits, Instant now) {
		return limits.nextTry(count).isAfter(now);
	}

	private static String addressKey(String email) {
		String typed = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		return "address:" + (typed.length() > 250 ? typed.substring(0, 250) : typed);
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}

	/**
	 * @param slowAfter failures allowed before each try must wait, doubling from 15
	 * seconds
	 * @param lockAfter failures after which the subject is locked for {@link #LOCK}
	 */
	record Limits(int slowAfter, int lockAfter) {

		Instant nextTry(SignInThrottleRepository.Count count) {
			int failures = count.failures();
			if (failures >= this.lockAfter) {
				return count.lastFailureAt().plus(LOCK);
			}
			if (failures >= this.slowAfter) {
				return count.lastFailureAt().plusSeconds(15L << Math.min(failures - this.slowAfter, 10));
			}
			return count.lastFailureAt();
		}

	}

}
