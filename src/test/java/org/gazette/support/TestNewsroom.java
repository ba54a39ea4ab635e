package org.gazette.support;

import org.gazette.publishing.PublicContentChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the newsroom between tests that share one application, and tells the node's
 * caches, as a change event would.
 */
public class TestNewsroom {

	private static final String[] TABLES = { "change_event", "publication", "revision_topic", "revision_author" };

	private final JdbcClient jdbc;

	private final MutableClock clock;

	private final ApplicationEventPublisher events;

	TestNewsroom(JdbcClient jdbc, MutableClock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Tells this node that everything may have changed, as a restore would: caches are
	 * dropped.
	 */
	public void dropCachedPages() {
		this.events.publishEvent(PublicContentChanged.everything(Long.MAX_VALUE));
	}

	public void reset() {
		for (String table : TABLES) {
			this.jdbc.sql("delete from " + table).update();
		}
		this.jdbc.sql("update article set working_revision_id = null, published_revision_id = null").update();
		this.jdbc.sql("delete from revision").update();
		this.jdbc.sql("delete from revision_body").update();
		this.jdbc.sql("delete from article").update();
		this.jdbc.sql("delete from author").update();
		this.jdbc.sql("delete from topic").update();
		this.clock.reset();
		this.events.publishEvent(PublicContentChanged.everything(Long.MAX_VALUE));
	}

}
