package org.gazette.content;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin article list on a large database, timed through {@link Content#findArticles}
 * (count, page and bylines: what the list page will call). Run by
 * {@code bench/admin-list.sh}, which builds the database first; not a test.
 *
 * <pre>
 * measure URL USER PASSWORD ROUNDS WARMUP   time each scenario, print p50/p95/p99/max
 * copy H2_URL PG_URL USER PASSWORD SCHEMA   copy the list's tables from the H2 bench database into a
 *                                           new PostgreSQL schema (one shared body; the list never reads bodies)
 * </pre>
 */
public final class AdminListBenchmark {

	private AdminListBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "measure" -> measure(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
			case "copy" -> copy(args[1], args[2], args[3], args[4], args[5]);
			default -> throw new IllegalArgumentException("measure or copy, not " + args[0]);
		}
	}

	private static void measure(String url, String user, String password, int rounds, int warmup) {
		try (HikariDataSource dataSource = pool(url, user, password)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			Content content = TestContent.content(jdbc, Clock.systemUTC());
			long topic = content.topics().get(0).id();
			long author = content.authors().get(0).id();
			String word = "water";
			Map<String, Supplier<ArticleList>> scenarios = new LinkedHashMap<>();
			scenarios.put("first page (all, updated desc)", () -> content.findArticles(ArticleFilter.ALL));
			scenarios.put("filtered: type=statement, topic, status=published", () -> content.findArticles(
					new ArticleFilter(null, ArticleType.STATEMENT, topic, null, ArticleStatus.PUBLISHED, null, 1)));
			scenarios.put("filtered: type=feature-story, topic, published", () -> content.findArticles(
					new ArticleFilter(null, ArticleType.FEATURE_STORY, topic, null, ArticleStatus.PUBLISHED, null, 1)));
			scenarios.put("filtered: author",
					() -> content.findArticles(new ArticleFilter(null, null, null, author, null, null, 1)));
			scenarios.put("filtered: status=scheduled (none)", () -> content
				.findArticles(new ArticleFilter(null, null, null, null, ArticleStatus.SCHEDULED, null, 1)));
			scenarios.put("title search '" + word + "'",
					() -> content.findArticles(new ArticleFilter(word, null, null, null, null, null, 1)));
			scenarios.put("title search + type=feature-story", () -> content
				.findArticles(new ArticleFilter(word, ArticleType.FEATURE_STORY, null, null, null, null, 1)));
			scenarios.put("sorted by title, first page",
					() -> content.findArticles(new ArticleFilter(null, null, null, null, null, ArticleSort.TITLE, 1)));
			scenarios.put("sorted by release, first page", () -> content
				.findArticles(new ArticleFilter(null, null, null, null, null, ArticleSort.RELEASE, 1)));
			scenarios.put("deep page 2000 (all)", () -> content.findArticles(ArticleFilter.ALL.page(2000)));
			scenarios.put("deep page 100 (type=news-release)", () -> content
				.findArticles(new ArticleFilter(null, ArticleType.NEWS_RELEASE, null, null, null, null, 100)));
			System.out.printf(Locale.ROOT, "database: %s (%d articles)%n", url.replaceAll("[;?].*", ""),
					jdbc.sql("select count(*) from article").query(Long.class).single());
			// The thread's CPU time is what this process spent on a call, which another
			// job on the machine does not inflate the way it inflates the wall time; for
			// an embedded H2 database it is the whole cost of the query.
			var threads = java.lang.management.ManagementFactory.getThreadMXBean();
			System.out.printf(Locale.ROOT, "| %-52s | %7s | %4s | %7s | %7s | %7s | %7s | %10s |%n", "scenario",
					"total", "rows", "p50 ms", "p95 ms", "p99 ms", "max ms", "cpu p50 ms");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
			for (Map.Entry<String, Supplier<ArticleList>> scenario : scenarios.entrySet()) {
				ArticleList last = null;
				for (int i = 0; i < warmup; i++) {
					last = scenario.getValue().get();
				}
				double[] millis = new double[rounds];
				double[] cpu = new double[rounds];
				for (int i = 0; i < rounds; i++) {
					long startCpu = threads.getCurrentThreadCpuTime();
					long start = System.nanoTime();
					last = scenario.getValue().get();
					millis[i] = (System.nanoTime() - start) / 1e6;
					cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
				}
				Arrays.sort(millis);
				Arrays.sort(cpu);
				System.out.printf(Locale.ROOT, "| %-52s | %7d | %4d | %7.2f | %7.2f | %7.2f | %7.2f | %10.2f |%n",
						scenario.getKey(), last.total(), last.articles().size(), percentile(millis, 50),
						percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1], percentile(cpu, 50));
			}
		}
	}

	private static double percentile(double[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static void copy(String h2Url, String pgUrl, String user, String password, String schema)
			throws SQLException {
		try (HikariDataSource admin = pool(pgUrl, user, password); Connection connection = admin.getConnection()) {
			connection.createStatement().execute("drop schema if exists " + schema + " cascade");
			connection.createStatement().execute("create schema " + schema);
		}
		String target = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
				+ "&reWriteBatchedInserts=true";
		try (HikariDataSource h2 = pool(h2Url, "gazette", ""); HikariDataSource pg = pool(target, user, password)) {
			Flyway.configure()
				.dataSource(pg)
				.schemas(schema)
				.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
				.load()
				.migrate();
			try (Connection from = h2.getConnection(); Connection to = pg.getConnection()) {
				to.setAutoCommit(false);
				copy(from, to, "author", "id, slug, name, job_title, bio_markdown, bio_html, created_at, updated_at");
				copy(from, to, "topic", "id, slug, name, description, created_at, updated_at");
				to.createStatement()
					.execute(
							"insert into revision_body (id, sha256, markdown, html) values (1, repeat('0', 64), '', '')");
				copy(from, to, "article",
						"id, language, slug, state, release_at, first_published_at, last_public_update_at,"
								+ " unpublished_at, version, created_at, working_title, title_key, working_type_code,"
								+ " updated_at, updated_by");
				copy(from, to, "revision", "id, article_id, number, type_code, title, summary, dateline, 1 as body_id,"
						+ " change_kind, change_note, created_at, created_by, message");
				copy(from, to, "revision_author", "revision_id, position, author_id");
				copy(from, to, "revision_topic", "revision_id, topic_id");
				pointers(from, to);
				to.commit();
				to.setAutoCommit(true);
				to.createStatement().execute("analyze");
			}
		}
	}

	private static void copy(Connection from, Connection to, String table, String columns) throws SQLException {
		long start = System.nanoTime();
		String[] names = columns.split(",\\s*");
		List<String> targets = new ArrayList<>();
		for (String name : names) {
			targets.add(name.contains(" as ") ? name.substring(name.indexOf(" as ") + 4) : name);
		}
		String insert = "insert into " + table + " (" + String.join(", ", targets) + ") values ("
				+ String.join(", ", targets.stream().map((t) -> "?").toList()) + ")";
		int rows = 0;
		try (Statement select = from.createStatement();
				ResultSet rs = select.executeQuery("select " + columns + " from " + table + " order by 1");
				PreparedStatement statement = to.prepareStatement(insert)) {
			while (rs.next()) {
				for (int i = 1; i <= names.length; i++) {
					statement.setObject(i, rs.getObject(i));
				}
				statement.addBatch();
				if (++rows % 5_000 == 0) {
					statement.executeBatch();
				}
			}
			statement.executeBatch();
		}
		System.out.printf(Locale.ROOT, "copied %,d rows of %s in %.1f s%n", rows, table,
				(System.nanoTime() - start) / 1e9);
	}

	private static void pointers(Connection from, Connection to) throws SQLException {
		int rows = 0;
		try (Statement select = from.createStatement();
				ResultSet rs = select
					.executeQuery("select id, working_revision_id, published_revision_id from article order by id");
				PreparedStatement update = to.prepareStatement(
						"update article set working_revision_id = ?, published_revision_id = ? where id = ?")) {
			while (rs.next()) {
				update.setObject(1, rs.getObject(2));
				update.setObject(2, rs.getObject(3));
				update.setLong(3, rs.getLong(1));
				update.addBatch();
				if (++rows % 5_000 == 0) {
					update.executeBatch();
				}
			}
			update.executeBatch();
		}
	}

	private static HikariDataSource pool(String url, String user, String password) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		dataSource.setMaximumPoolSize(2);
		return dataSource;
	}

}
