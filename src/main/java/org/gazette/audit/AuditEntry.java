package org.gazette.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param id position in the log
 * @param occurredAt when it happened
 * @param actor the account's email, or what was typed for a failed sign-in, or
 * {@code system}
 * @param action what happened, such as {@code sign-in.failed} or {@code account.role}
 * @param targetType the kind of thing acted on, or null
 * @param targetId which one, or null
 * @param details a short readable description
 * @param clientAddress the client's IP address, for web actions
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
		String details, String clientAddress) {
}
