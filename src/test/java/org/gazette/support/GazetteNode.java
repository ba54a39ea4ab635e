package org.gazette.support;

import java.time.Clock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import org.gazette.GazetteApplication;
import org.gazette.content.Content;
import org.gazette.publishing.Publishing;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Gazette node started as production starts one: its own web server on a random
 * port, its own page caches and search index, the production clock (the system's, not a
 * {@link MutableClock}) and the scheduled change-event tail. For tests that need real
 * time or several nodes on one database; the others use {@link GazetteWebTest}, which is
 * cheaper because all its classes share one application. Close the node when done: each
 * one holds a server, a connection pool and threads.
 */
public final class GazetteNode implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private final Http http;

	private GazetteNode(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
		this.http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	/**
	 * A node on a new in-memory H2 database of its own, with more settings as
	 * command-line arguments, if any.
	 */
	public static GazetteNode onH2(String name, String... settings) {
		return start(name,
				"jdbc:h2:mem:" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "", settings);
	}

	/**
	 * A node on a database that exists already (such as one a command wrote), with its
	 * media files in {@code mediaDirectory}.
	 */
	public static GazetteNode onDatabase(String name, String url, Path mediaDirectory) {
		return start(name, url, "gazette", "", "--gazette.media.directory=" + mediaDirectory);
	}

	/**
	 * A node on the PostgreSQL schema that {@link TestDatabase#newPostgresSchemaUrl()}
	 * made; several nodes may share it, as production nodes share one database.
	 */
	public static GazetteNode onPostgres(String name, String schemaUrl) {
		return start(name, schemaUrl, TestDatabase.POSTGRES_USER, TestDatabase.POSTGRES_PASSWORD, new String[0]);
	}

	/**
	 * As {@link #onPostgres(String, String)}, with more settings as command-line
	 * arguments ({@code --gazette.export.automatic=true}).
	 */
	public static GazetteNode onPostgres(String name, String schemaUrl, String... settings) {
		return start(name, schemaUrl, TestDatabase.POSTGRES_USER, TestDatabase.POSTGRES_PASSWORD, settings);
	}

	private static GazetteNode start(String name, String url, String user, String password, String... settings) {
		// As arguments, which take precedence over application.yaml (default properties
		// would not).
		String[] arguments = { "--server.port=0", "--gazette.demo-content=false",
				"--gazette.base-url=https://news.example.gov",
				"--gazette.search.index-directory=target/test-search-index/" + UUID.randomUUID(),
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password };
		String[] all = Arrays.copyOf(arguments, arguments.length + settings.length);
		System.arraycopy(settings, 0, all, arguments.length, settings.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GazetteApplication.class).run(all);
		if (context.getBean(Clock.class) instanceof MutableClock) {
			context.close();
			throw new IllegalStateException("A node runs on the system clock");
		}
		return new GazetteNode(name, context);
	}

	/** A client for this node's public addresses. */
	public Http http() {
		return this.http;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** The node's application, for test helpers that take one. */
	public ApplicationContext context() {
		return this.context;
	}

	/** Fixture builders that write through this node's services. */
	public Stories stories() {
		return new Stories(bean(Content.class), bean(Publishing.class));
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Override
	public String toString() {
		return "node " + this.name;
	}

}
