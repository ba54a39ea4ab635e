package org.gazette.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit log and reads it back. Entries join the caller's transaction, so a
 * change and its audit entry are committed together or not at all.
 */
@Service
public class AuditLog {

	private final AuditRepository entries;

	private final Clock clock;

	AuditLog(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditRecord entry) {
		this.entries.insert(entry, this.clock.instant());
	}

	/** As {@link #record} for each, in order, with one statement a hundred. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(java.util.List<AuditRecord> entries) {
		if (!entries.isEmpty()) {
			this.entries.insertAll(entries, this.clock.instant());
		}
	}

	/**
	 * Records something that is not part of a change, such as a failed sign-in, in a
	 * transaction of its own.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(AuditRecord entry) {
		this.entries.insert(entry, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public AuditPage find(AuditFilter filter) {
		int offset = (filter.page() - 1) * AuditFilter.PAGE_SIZE;
		var found = this.entries.find(filter, offset, AuditFilter.PAGE_SIZE + 1);
		boolean more = found.size() > AuditFilter.PAGE_SIZE;
		return new AuditPage(more ? found.subList(0, AuditFilter.PAGE_SIZE) : found, more);
	}

	/** Writes the matching entries as CSV (RFC 4180), oldest first. */
	@Transactional(readOnly = true)
	public void exportCsv(AuditFilter filter, Writer out) {
		try {
			out.write("id,occurred_at,actor,action,target_type,target_id,details,client_address\r\n");
			this.entries.forEach(filter, (entry) -> {
				try {
					out.write(entry.id() + "," + entry.occurredAt() + "," + Csv.field(entry.actor()) + ","
							+ Csv.field(entry.action()) + "," + Csv.field(entry.targetType()) + ","
							+ Csv.field(entry.targetId()) + "," + Csv.field(entry.details()) + ","
							+ Csv.field(entry.clientAddress()) + "\r\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
