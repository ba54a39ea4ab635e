package org.gazette.audit;

/**
 * Something to append to the audit log; the time is the clock's.
 *
 * @param actor who did it
 * @param action what happened
 * @param targetType the kind of thing acted on, or null
 * @param targetId which one, or null
 * @param details a short readable description
 * @param clientAddress the client's IP address, or null
 */
public record AuditRecord(String actor, String action, String targetType, String targetId, String details,
		String clientAddress) {

	public AuditRecord {
		details = (details != null) ? details : "";
	}

	public static AuditRecord of(String actor, String action, String targetType, Object targetId, String details) {
		return new AuditRecord(actor, action, targetType, (targetId != null) ? targetId.toString() : null, details,
				null);
	}

	public AuditRecord from(String address) {
		return new AuditRecord(this.actor, this.action, this.targetType, this.targetId, this.details, address);
	}

}
