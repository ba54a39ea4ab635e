package org.gazette.subscriptions;

/**
 * A subscriber row with its choices.
 *
 * @param id database id
 * @param email normalized address
 * @param status where it stands
 * @param choices what it follows
 */
record Subscriber(long id, String email, SubscriberStatus status, Choices choices) {
}
