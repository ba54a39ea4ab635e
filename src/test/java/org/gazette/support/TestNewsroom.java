package org.gazette.support;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.gazette.publishing.PublicContentChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Empties the newsroom between tests that share one application, and tells the node's
 * caches, as a change event would.
 * <p>
 * Revisions and publications are append-only: the database refuses to delete their rows
 * (see {@code db/vendor/*&#47;V3_1__append_only.sql}). So the tables are emptied with
 * TRUNCATE, which fires no row trigger on either database, and never with DELETE. The
 * guard itself stays on, for tests too.
 */
public class TestNewsroom {

	/** Every content table, children before parents. */
	private static final String[] TABLES = { "import_item", "import_attachment", "workflow_event", "preview_link",
			"release_task", "change_event", "takedown", "article_slug_history", "redirect", "publication",
			"revision_media", "revision_topic", "revision_author", "revision", "revision_body", "article", "author",
			"topic" };

	private final JdbcClient jdbc;

	private final MutableClock clock;

	private final ApplicationEventPublisher events;

	private final boolean postgres;

	TestNewsroom(DataSource dataSource, MutableClock clock, ApplicationEventPublisher events) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		this.events = events;
		try {
			this.postgres = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot tell which database the tests use", ex);
		}
	}

	/**
	 * Tells this node that everything may have changed, as a restore would: caches are
	 * dropped.
	 */
	public void dropCachedPages() {
		this.events.publishEvent(PublicContentChanged.everything(Long.MAX_VALUE));
	}

	public void reset() {
		if (this.postgres) {
			this.jdbc.sql("truncate table " + String.join(", ", TABLES)).update();
		}
		else {
			// H2 truncates a table others reference only with referential integrity off;
			// every referencing table is emptied in the same breath.
			this.jdbc.sql("set referential_integrity false").update();
			try {
				for (String table : TABLES) {
					this.jdbc.sql("truncate table " + table).update();
				}
			}
			finally {
				this.jdbc.sql("set referential_integrity true").update();
			}
		}
		this.clock.reset();
		this.events.publishEvent(PublicContentChanged.everything(Long.MAX_VALUE));
	}

}
