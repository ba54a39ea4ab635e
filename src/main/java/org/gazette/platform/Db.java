package org.gazette.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same way on H2 and
 * PostgreSQL: always as UTC offset date-times.
 */
public final class Db {

	private Db() {
	}

	/** The value to bind for an instant (null stays null). */
	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** The instant in the named column, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
