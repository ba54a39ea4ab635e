package org.gazette.content;

import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.gazette.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V3 on a database that already holds stories (an upgrade): the admin list's copy of each
 * working revision is filled in from the revisions, on H2 and on PostgreSQL.
 */
class EditorMigrationTests {

	@Test
	void upgradingH2FillsTheListColumnsFromTheWorkingRevisions() {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:upgrade" + UUID.randomUUID().toString().replace("-", "")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			upgrade(dataSource, "h2");
		}
	}

	@Test
	void upgradingPostgresFillsTheListColumnsFromTheWorkingRevisions() {
		String url = TestDatabase.newPostgresSchemaUrl();
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(TestDatabase.POSTGRES_USER);
			dataSource.setPassword(TestDatabase.POSTGRES_PASSWORD);
			upgrade(dataSource, "postgresql");
		}
		finally {
			TestDatabase.dropSchemaOf(url);
		}
	}

	private static void upgrade(HikariDataSource dataSource, String vendor) {
		String[] locations = { "classpath:db/migration", "classpath:db/vendor/" + vendor };
		Flyway.configure().dataSource(dataSource).locations(locations).target("1").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql(
				"insert into article (id, slug, created_at) values (1, 'old', timestamp with time zone '2025-01-01 10:00:00+00')")
			.update();
		jdbc.sql(
				"insert into revision_body (id, sha256, markdown, html) values (1, repeat('0', 64), 'Body.', '<p>Body.</p>')")
			.update();
		for (int number = 1; number <= 2; number++) {
			jdbc.sql(
					"""
							insert into revision (id, article_id, number, type_code, title, summary, body_id, created_at, created_by)
							values (:number, 1, :number, 'statement', :title, 'Summary.', 1,
							        timestamp with time zone '2025-01-0%d 10:00:00+00', :by)
							"""
						.formatted(number + 1))
				.param("number", number)
				.param("title", "Old Title " + number)
				.param("by", "editor" + number)
				.update();
		}
		jdbc.sql("update article set working_revision_id = 2").update();

		Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();

		Map<String, Object> row = jdbc
			.sql("select working_title, title_key, working_type_code, updated_by from article where id = 1")
			.query()
			.singleRow();
		assertThat(row).containsEntry("working_title", "Old Title 2")
			.containsEntry("title_key", "old title 2")
			.containsEntry("working_type_code", "statement")
			.containsEntry("updated_by", "editor2");
		assertThat(jdbc
			.sql("select count(*) from article where updated_at = timestamp with time zone '2025-01-03 10:00:00+00'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
