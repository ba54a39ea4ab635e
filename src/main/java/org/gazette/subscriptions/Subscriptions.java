package org.gazette.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.content.ArticleType;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.OutgoingMail;
import org.gazette.platform.SecretTokens;
import org.gazette.platform.SiteUrls;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' email subscriptions: subscribe with double opt-in, confirm, change what they
 * follow, unsubscribe. The subscribe answer is the same whether or not the address is
 * known (an address is never confirmed to a stranger); the email tells its owner.
 */
@Service
public class Subscriptions {

	private final SubscriberRepository subscribers;

	private final LinkTokens tokens;

	private final Content content;

	private final OutgoingMail mail;

	private final SiteUrls urls;

	private final SubscriptionProperties properties;

	private final Clock clock;

	private final SubscriberReports reports;

	private final AuditLog audit;

	private final SubscriberEmails emails;

	Subscriptions(SubscriberRepository subscribers, LinkTokens tokens, Content content, OutgoingMail mail,
			SiteUrls urls, SubscriptionProperties properties, Clock clock, SubscriberReports reports, AuditLog audit,
			SubscriberEmails emails) {
		this.reports = reports;
		this.emails = emails;
		this.audit = audit;
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.content = content;
		this.mail = mail;
		this.urls = urls;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Asks for a subscription: a confirmation email to a new (or lapsed) address, a note
	 * with the preferences link to one already confirmed, whose choices a stranger cannot
	 * change. Checks the form first, then the client's rate, and counts the request.
	 * @param client who asks (the client's network address); only its hash is kept
	 * @throws InvalidSubscriptionException with the problem of each field
	 * @throws SubscribeLimitException when this client asked too often
	 */
	@Transactional
	public void subscribe(String email, Choices choices, String client) {
		Addresses.Checked address = Addresses.check(email);
		Map<String, String> problems = new LinkedHashMap<>();
		if (!address.accepted()) {
			problems.put("email", address.problem());
		}
		problems.putAll(check(choices));
		if (!problems.isEmpty()) {
			throw new InvalidSubscriptionException(problems);
		}
		Instant now = this.clock.instant();
		String clientHash = SecretTokens.sha256("subscribe:" + client);
		Duration window = Duration.ofHours(1);
		if (this.subscribers.countRequests(clientHash, now.minus(window)) >= this.properties.requestsPerHour()) {
			throw new SubscribeLimitException();
		}
		this.subscribers.forgetRequestsBefore(now.minus(window));
		this.subscribers.addRequest(clientHash, now);

		Optional<Subscriber> known = this.subscribers.findByEmail(address.address());
		if (known.isPresent() && known.get().status() == SubscriberStatus.CONFIRMED) {
			String manage = this.tokens.issue(known.get().id(), LinkTokens.MANAGE);
			this.mail.send(this.emails.alreadySubscribed(address.address(),
					this.urls.absolute(this.urls.manageSubscription(manage))));
			return;
		}
		long id;
		if (known.isPresent()) {
			id = known.get().id();
			this.subscribers.updateChoices(id, choices, now);
			this.subscribers.changeStatus(id, SubscriberStatus.PENDING, now);
		}
		else {
			id = this.subscribers.insert(address.address(), choices, now);
		}
		String token = this.tokens.issue(id, LinkTokens.CONFIRM);
		this.mail.send(this.emails.confirm(address.address(), this.urls.absolute(this.urls.confirmSubscription(token)),
				this.properties.confirmLinkValidity()));
	}

	/**
	 * Checks a confirmation link without using it (the page shows a button: mail scanners
	 * that open links must not confirm).
	 * @throws InvalidLinkException when the link does not open
	 */
	@Transactional(readOnly = true)
	public Preferences confirmation(String token) {
		return preferencesOf(this.tokens.open(token, LinkTokens.CONFIRM));
	}

	/**
	 * Confirms the subscription; the link then stops working.
	 * @return a preferences token, for the page that thanks the reader
	 * @throws InvalidLinkException when the link does not open
	 */
	@Transactional
	public String confirm(String token) {
		long id = this.tokens.open(token, LinkTokens.CONFIRM);
		this.subscribers.lock(id);
		this.subscribers.changeStatus(id, SubscriberStatus.CONFIRMED, this.clock.instant());
		this.subscribers.deleteTokens(id, LinkTokens.CONFIRM);
		return this.tokens.issue(id, LinkTokens.MANAGE);
	}

	/**
	 * @throws InvalidLinkException when the link does not open
	 */
	@Transactional(readOnly = true)
	public Preferences preferences(String token) {
		return preferencesOf(this.tokens.open(token, LinkTokens.MANAGE));
	}

	/**
	 * Changes what a subscriber follows; an unsubscribed reader who saves preferences is
	 * subscribed again (the link proves the address is theirs).
	 */
	@Transactional
	public Preferences changePreferences(String token, Choices choices) {
		long id = this.tokens.open(token, LinkTokens.MANAGE);
		Map<String, String> problems = check(choices);
		if (!problems.isEmpty()) {
			throw new InvalidSubscriptionException(problems);
		}
		Subscriber subscriber = this.subscribers.lock(id).orElseThrow(() -> new InvalidLinkException(false));
		Instant now = this.clock.instant();
		this.subscribers.updateChoices(id, choices, now);
		if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED) {
			this.subscribers.changeStatus(id, SubscriberStatus.CONFIRMED, now);
		}
		return preferencesOf(id);
	}

	/** Stops every email to the subscriber; doing it twice is no error. */
	@Transactional
	public void unsubscribe(String token) {
		long id = this.tokens.open(token, LinkTokens.MANAGE);
		Subscriber subscriber = this.subscribers.lock(id).orElseThrow(() -> new InvalidLinkException(false));
		if (subscriber.status() != SubscriberStatus.BOUNCED) {
			this.subscribers.changeStatus(id, SubscriberStatus.UNSUBSCRIBED, this.clock.instant());
		}
	}

	private Preferences preferencesOf(long id) {
		Subscriber subscriber = this.subscribers.find(id).orElseThrow(() -> new InvalidLinkException(false));
		return new Preferences(Addresses.masked(subscriber.email()), subscriber.status(), subscriber.choices());
	}

	private Map<String, String> check(Choices choices) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (choices.allStories()) {
			return problems;
		}
		if (choices.topicIds().isEmpty() && choices.typeCodes().isEmpty()) {
			problems.put("topics", "subscribe.choice.required");
		}
		boolean topicsExist = choices.topicIds()
			.stream()
			.allMatch((id) -> this.content.topic(id).filter((topic) -> !topic.merged()).isPresent());
		if (!topicsExist) {
			problems.put("topics", "subscribe.topics.unknown");
		}
		if (!choices.typeCodes().stream().allMatch((code) -> ArticleType.fromCode(code).isPresent())) {
			problems.put("types", "subscribe.types.unknown");
		}
		return problems;
	}

	/** When the daily digest goes out, in the site's time zone. */
	public java.time.LocalTime digestTime() {
		return this.properties.digestAt();
	}

	/** Topics a reader can follow. */
	public java.util.List<Topic> topics() {
		return this.content.topics().stream().filter((topic) -> !topic.merged()).toList();
	}

	/**
	 * Subscriber counts and recent sends for the back office.
	 * @param fullAddresses whether addresses are shown whole (admins) or masked
	 */
	@Transactional(readOnly = true)
	public SubscriberReport report(boolean fullAddresses) {
		return this.reports.report(fullAddresses);
	}

	/**
	 * Every subscriber as CSV, for admins: full addresses, status, choices, dates. The
	 * list is personal data, so the export is recorded in the audit log (who, when, how
	 * many rows) before the first row is written, in a transaction of its own: it stays
	 * on record even if the download breaks off.
	 * @param by the admin's account
	 * @param clientAddress the admin's network address
	 */
	@Transactional(readOnly = true)
	public void exportCsv(java.io.Writer out, String by, String clientAddress) {
		this.reports
			.exportCsv(
					out, (
							rows) -> this.audit.recordAlone(
									AuditRecord
										.of(by, "subscribers.exported", "subscribers", null,
												rows + ((rows == 1) ? " subscriber" : " subscribers")
														+ " exported as CSV")
										.from(clientAddress)));
	}

}
