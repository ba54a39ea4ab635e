package org.gazette.platform;

import java.sql.SQLException;

/** One line saying why a command failed, from an exception and its causes. */
final class CommandFailures {

	private CommandFailures() {
	}

	static String oneLine(String what, Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof SQLException sql && sql.getErrorCode() == 90020) {
			return "the database is in use by another process (a running Gazette?): stop it and run the command again,"
					+ " or see README, Command line, for sharing an H2 database with a running server.";
		}
		String message = (ex.getMessage() != null && ex.getCause() == null) ? ex.getMessage() : root.getMessage();
		if (message == null || message.isBlank()) {
			message = root.getClass().getSimpleName();
		}
		return what + ": " + message.lines().findFirst().orElse("").strip();
	}

}
