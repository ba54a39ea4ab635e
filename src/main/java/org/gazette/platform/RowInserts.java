package org.gazette.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Inserts many rows with one statement per {@value #ROWS} rows ({@code insert ... values
 * (...), (...)}), for the bulk writes of an import (decision 0025): H2 embedded pays per
 * statement (parsing or finding it in the cache, planning, the JDBC and Spring calls
 * around it), not per row, and PostgreSQL per round trip. The repositories keep their
 * SQL: they pass the statement's head ({@code insert into t (a, b)}), optionally its tail
 * ({@code on conflict do nothing}), and the rows, each in the head's column order.
 */
public final class RowInserts {

	/**
	 * Rows a statement at most: with 13 columns, 1,300 parameters (PostgreSQL takes at
	 * most 65,535), and a statement text that H2's statement cache keeps as one entry.
	 */
	static final int ROWS = 100;

	private RowInserts() {
	}

	/** Inserts the rows. */
	public static void insert(JdbcClient jdbc, String head, String tail, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += ROWS) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
			jdbc.sql(sql(head, tail, chunk)).params(flat(chunk)).update();
		}
	}

	/**
	 * Inserts the rows and returns their generated {@code id}s, in the rows' order (the
	 * order of a multi-row insert's {@code VALUES} on H2 and PostgreSQL).
	 */
	public static List<Long> insertReturningIds(JdbcClient jdbc, String head, List<Object[]> rows) {
		List<Long> ids = new ArrayList<>(rows.size());
		for (int from = 0; from < rows.size(); from += ROWS) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql(sql(head, "", chunk)).params(flat(chunk)).update(keys, "id");
			for (Map<String, Object> key : keys.getKeyList()) {
				ids.add(((Number) key.values().iterator().next()).longValue());
			}
			if (ids.size() != from + chunk.size()) {
				throw new IllegalStateException("Expected " + chunk.size() + " generated ids, got "
						+ keys.getKeyList().size() + " (" + head + ")");
			}
		}
		return ids;
	}

	private static String sql(String head, String tail, List<Object[]> rows) {
		int columns = rows.get(0).length;
		String row = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
		StringBuilder sql = new StringBuilder(head).append(" values ");
		for (int i = 0; i < rows.size(); i++) {
			sql.append((i > 0) ? ", " : "").append(row);
		}
		return sql.append(' ').append(tail).toString();
	}

	private static List<Object> flat(List<Object[]> rows) {
		List<Object> values = new ArrayList<>(rows.size() * rows.get(0).length);
		rows.forEach((row) -> values.addAll(Arrays.asList(row)));
		return values;
	}

}
