package org.gazette.migration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an embedded H2 database keeps its file, read from its JDBC address
 * ({@code jdbc:h2:file:./data/gazette;...} is {@code ./data/gazette.mv.db}).
 */
final class H2Files {

	private H2Files() {
	}

	static boolean isH2(String url) {
		return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
	}

	/** The database file, or null for an in-memory or remote (tcp, ssl) database. */
	static Path databaseFile(String url) {
		if (!isH2(url)) {
			return null;
		}
		String name = url.substring("jdbc:h2:".length());
		int settings = name.indexOf(';');
		name = (settings >= 0) ? name.substring(0, settings) : name;
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:")) {
			return null;
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Path.of(name + ".mv.db").toAbsolutePath().normalize();
	}

}
