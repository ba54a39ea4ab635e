package org.gazette.platform;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the append-only guarantee (PostgreSQL's is the {@code append_only()}
 * trigger function): attached with
 * {@code create trigger ... before update, delete on TABLE for each row call 'org.gazette.platform.AppendOnlyTrigger'},
 * it refuses every update and delete of a row in that table.
 */
public class AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		String operation = (newRow != null) ? "UPDATE" : "DELETE";
		// SQLSTATE P0001 as PostgreSQL's RAISE EXCEPTION, so both databases fail the same
		// way.
		throw new SQLException("Table " + this.table + " is append-only: " + operation + " refused", "P0001");
	}

}
