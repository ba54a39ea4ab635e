package org.gazette.subscriptions;

import java.util.List;

/**
 * An email about a subscription itself (confirm it, it exists already); the
 * {@code email/subscriptionNotice.jte} template takes it, and the plain-text part says
 * the same.
 *
 * @param siteName the newsroom's name
 * @param agencyName the agency that sends it
 * @param subject the subject line, also the heading
 * @param before paragraphs before the link
 * @param linkLabel what the link does ("Confirm your subscription")
 * @param linkUrl the link's absolute address
 * @param after paragraphs after the link
 */
public record SubscriptionNotice(String siteName, String agencyName, String subject, List<String> before,
		String linkLabel, String linkUrl, List<String> after) {

	public SubscriptionNotice {
		before = List.copyOf(before);
		after = List.copyOf(after);
	}

	/** The plain-text part: the paragraphs, and the address on a line of its own. */
	String text() {
		StringBuilder text = new StringBuilder("Hello,\n\n");
		this.before.forEach((paragraph) -> text.append(paragraph).append("\n\n"));
		text.append(this.linkUrl).append("\n");
		this.after.forEach((paragraph) -> text.append("\n").append(paragraph).append("\n"));
		return text.toString();
	}

}
