package org.gazette.support;

import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies each {@link DatabaseTest} with a fresh H2 and a fresh PostgreSQL database,
 * created lazily so that a missing PostgreSQL skips (or, in CI, fails) only its own
 * invocation.
 */
public class Databases implements ArgumentsProvider {

	@Override
	public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
		return Stream.of(Arguments.of(new Lazy("H2")), Arguments.of(new Lazy("PostgreSQL")));
	}

	/**
	 * Creates the database on first use, inside the test, where a skip is reported
	 * properly.
	 */
	public static final class Lazy implements AutoCloseable {

		private final String name;

		private TestDatabase database;

		Lazy(String name) {
			this.name = name;
		}

		public TestDatabase get() {
			if (this.database == null) {
				this.database = this.name.equals("H2") ? TestDatabase.h2() : TestDatabase.postgres();
			}
			return this.database;
		}

		@Override
		public void close() {
			if (this.database != null) {
				this.database.close();
			}
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
