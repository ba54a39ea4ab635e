package org.gazette.subscriptions;

/**
 * What a subscriber's preferences page shows.
 *
 * @param maskedEmail the address with its mailbox masked ({@code r***@example.gov})
 * @param status where the subscription stands
 * @param choices what it follows
 */
public record Preferences(String maskedEmail, SubscriberStatus status, Choices choices) {
}
