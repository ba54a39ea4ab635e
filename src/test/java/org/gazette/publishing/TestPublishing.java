package org.gazette.publishing;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gazette.content.Content;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing and the public newsroom on a test database, wired by hand. */
public final class TestPublishing {

	private final Publishing publishing;

	private final Newsroom newsroom;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ChangeEventTail tail;

	private final ChangeLog changeLog;

	public TestPublishing(JdbcClient jdbc, Content content, Clock clock) {
		ChangeEventRepository changeEvents = new ChangeEventRepository(jdbc);
		ChangeEventTail tail = new ChangeEventTail(changeEvents, this.events::add, clock);
		this.tail = tail;
		this.changeLog = new ChangeLog(changeEvents);
		this.publishing = new Publishing(new PublishingRepository(jdbc), new ChangeEvents(changeEvents, tail, clock),
				content, clock);
		this.newsroom = new Newsroom(new NewsroomRepository(jdbc), clock);
	}

	public Publishing publishing() {
		return this.publishing;
	}

	public Newsroom newsroom() {
		return this.newsroom;
	}

	public ChangeLog changeLog() {
		return this.changeLog;
	}

	/**
	 * Polls this node's change-event tail, as its scheduler does every quarter second.
	 */
	public void poll() {
		this.tail.poll();
	}

	/** The events this node's change-event tail published. */
	public List<Object> events() {
		return this.events;
	}

}
