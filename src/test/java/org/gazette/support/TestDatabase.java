package org.gazette.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, migrated database for one test: an in-memory H2 in PostgreSQL mode, or a new
 * schema in the local PostgreSQL (dropped when the test ends). Both run the same Flyway
 * migrations as production.
 */
public final class TestDatabase implements AutoCloseable {

	/** PostgreSQL for tests; override with GAZETTE_TEST_POSTGRES_URL. */
	public static final String POSTGRES_URL = System.getenv()
		.getOrDefault("GAZETTE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String POSTGRES_USER = System.getenv().getOrDefault("GAZETTE_TEST_POSTGRES_USER", "postgres");

	public static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("GAZETTE_TEST_POSTGRES_PASSWORD", "");

	private final String name;

	private final HikariDataSource dataSource;

	private final String schema;

	private TestDatabase(String name, HikariDataSource dataSource, String schema) {
		this.name = name;
		this.dataSource = dataSource;
		this.schema = schema;
	}

	public static TestDatabase h2() {
		// The statement cache the application's embedded H2 gets (platform.H2Settings):
		// H2 reuses parsed statements then, which an insert once got wrong.
		String url = "jdbc:h2:mem:" + uniqueName()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128";
		return migrated(new TestDatabase("H2", pool(url, "sa", ""), null));
	}

	/**
	 * A new schema in the local PostgreSQL; skips (or fails in CI) when PostgreSQL is not
	 * there.
	 */
	public static TestDatabase postgres() {
		String schema = uniqueName();
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
			connection.createStatement().execute("create schema " + schema);
		}
		catch (SQLException ex) {
			Prerequisites.missing("PostgreSQL tests: no PostgreSQL at " + POSTGRES_URL + " (" + ex.getMessage() + ")");
		}
		String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		return migrated(new TestDatabase("PostgreSQL", pool(url, POSTGRES_USER, POSTGRES_PASSWORD), schema));
	}

	/**
	 * Connection settings of a new PostgreSQL schema, for tests that start the whole
	 * application.
	 */
	public static String newPostgresSchemaUrl() {
		String schema = uniqueName();
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
			connection.createStatement().execute("create schema " + schema);
		}
		catch (SQLException ex) {
			Prerequisites.missing("PostgreSQL tests: no PostgreSQL at " + POSTGRES_URL + " (" + ex.getMessage() + ")");
		}
		return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/** Drops the schema that {@link #newPostgresSchemaUrl()} made. */
	public static void dropSchemaOf(String url) {
		if (url == null) {
			return;
		}
		String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test schema " + schema, ex);
		}
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	public TransactionTemplate transactions() {
		return new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
	}

	public boolean isPostgres() {
		return this.schema != null;
	}

	@Override
	public void close() {
		if (this.schema != null) {
			jdbc().sql("drop schema " + this.schema + " cascade").update();
		}
		else {
			jdbc().sql("shutdown").update();
		}
		this.dataSource.close();
	}

	@Override
	public String toString() {
		return this.name;
	}

	private static TestDatabase migrated(TestDatabase database) {
		// As spring.flyway.locations does with {vendor}: shared migrations, then this
		// database's own (the append-only triggers).
		var flyway = Flyway.configure()
			.dataSource(database.dataSource)
			.locations("classpath:db/migration",
					"classpath:db/vendor/" + (database.isPostgres() ? "postgresql" : "h2"));
		if (database.schema != null) {
			flyway.schemas(database.schema);
		}
		flyway.load().migrate();
		return database;
	}

	private static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	private static String uniqueName() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
