package org.gazette.audit;

import java.util.List;

/**
 * A page of the audit log, newest first.
 *
 * @param entries this page's entries
 * @param hasMore whether an older page exists
 */
public record AuditPage(List<AuditEntry> entries, boolean hasMore) {
}
