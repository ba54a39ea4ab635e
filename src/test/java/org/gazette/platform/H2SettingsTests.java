package org.gazette.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2SettingsTests {

	private static final long HEAP_256_MB = 256L << 20;

	@Test
	void aPageCacheLargerThanAnEighthOfTheHeapIsLowered() {
		assertThat(H2Settings.of("jdbc:h2:file:./data/gazette;MODE=PostgreSQL;CACHE_SIZE=131072;AUTO_SERVER=TRUE",
				HEAP_256_MB))
			.isEqualTo(
					"jdbc:h2:file:./data/gazette;MODE=PostgreSQL;CACHE_SIZE=32768;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=128");
		assertThat(H2Settings.of("jdbc:h2:file:./db;cache_size=99999999999999999999", HEAP_256_MB))
			.isEqualTo("jdbc:h2:file:./db;cache_size=32768;QUERY_CACHE_SIZE=128");
	}

	@Test
	void whatTheHeapCanHoldAndOtherDatabasesAreLeftAsTheyAre() {
		assertThat(H2Settings.of("jdbc:h2:file:./db;CACHE_SIZE=131072;QUERY_CACHE_SIZE=16", 1L << 30))
			.isEqualTo("jdbc:h2:file:./db;CACHE_SIZE=131072;QUERY_CACHE_SIZE=16");
		assertThat(H2Settings.of("jdbc:h2:tcp://localhost/./db", HEAP_256_MB))
			.isEqualTo("jdbc:h2:tcp://localhost/./db");
		assertThat(H2Settings.of("jdbc:postgresql://127.0.0.1:5432/test", HEAP_256_MB))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
	}

	@Test
	void anEmbeddedDatabaseKeepsMoreParsedStatements() {
		assertThat(H2Settings.of("jdbc:h2:mem:test;MODE=PostgreSQL", HEAP_256_MB))
			.isEqualTo("jdbc:h2:mem:test;MODE=PostgreSQL;QUERY_CACHE_SIZE=128");
	}

	@Test
	void embeddedConnectionsAreNeverRetiredForTheirAge() {
		try (HikariDataSource embedded = new HikariDataSource();
				HikariDataSource server = new HikariDataSource();
				HikariDataSource postgres = new HikariDataSource()) {
			embedded.setJdbcUrl("jdbc:h2:file:./data/gazette;MODE=PostgreSQL");
			server.setJdbcUrl("jdbc:h2:tcp://localhost/./data/gazette");
			postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
			H2Settings settings = new H2Settings();
			for (HikariDataSource pool : new HikariDataSource[] { embedded, server, postgres }) {
				settings.postProcessBeforeInitialization(pool, "dataSource");
			}
			assertThat(embedded.getMaxLifetime()).isZero();
			assertThat(server.getMaxLifetime()).isEqualTo(postgres.getMaxLifetime()).isEqualTo(1_800_000);
		}
	}

}
