package org.gazette.audit;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log on a test database, wired by hand (no Spring context needed). */
public final class TestAudit {

	private TestAudit() {
	}

	public static AuditLog auditLog(JdbcClient jdbc, Clock clock) {
		return new AuditLog(new AuditRepository(jdbc), clock);
	}

}
