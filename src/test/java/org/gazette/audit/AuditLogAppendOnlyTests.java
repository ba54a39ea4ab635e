package org.gazette.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No code path may change the audit log, and the database makes sure: raw UPDATE and
 * DELETE fail on H2 and PostgreSQL, while appending and reading work.
 */
class AuditLogAppendOnlyTests {

	@DatabaseTest
	void entriesCanBeAppendedAndReadButNeverChangedOrDeleted(Databases.Lazy db) {
		JdbcClient jdbc = db.get().jdbc();
		AuditRepository repository = new AuditRepository(jdbc);
		repository.insert(
				new AuditRecord("chief@agency.gov", "account.role", "account", "7", "editor to admin", "192.0.2.1"),
				MutableClock.START);
		repository.insert(AuditRecord.of("chief@agency.gov", "sign-out", null, null, ""),
				MutableClock.START.plusSeconds(60));
		List<Map<String, Object>> before = jdbc.sql("select * from audit_event order by id").query().listOfRows();
		for (String statement : List.of("update audit_event set actor = 'someone-else@agency.gov'",
				"update audit_event set details = '' where action = 'account.role'", "delete from audit_event",
				"delete from audit_event where action = 'sign-out'")) {
			assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement).hasMessageContaining("append-only");
		}
		assertThat(jdbc.sql("select * from audit_event order by id").query().listOfRows()).isEqualTo(before);
		var entries = repository.find(AuditFilter.everything(), 0, 10);
		assertThat(entries).extracting(AuditEntry::action).containsExactly("sign-out", "account.role");
		assertThat(entries.get(1).occurredAt()).isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
	}

}
