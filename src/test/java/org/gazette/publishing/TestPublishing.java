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

	private final Redirects redirects;

	public TestPublishing(JdbcClient jdbc, Content content, Clock clock) {
		ChangeEventRepository changeEvents = new ChangeEventRepository(jdbc);
		ChangeEventTail tail = new ChangeEventTail(changeEvents, this.events::add, clock);
		this.tail = tail;
		this.changeLog = new ChangeLog(changeEvents);
		NewsroomRepository stories = new NewsroomRepository(jdbc);
		TakedownRepository takedowns = new TakedownRepository(jdbc);
		this.publishing = new Publishing(new PublishingRepository(jdbc), new ChangeEvents(changeEvents, tail, clock),
				content, takedowns, stories, clock);
		this.newsroom = new Newsroom(stories, takedowns, clock);
		this.redirects = new Redirects(new RedirectRepository(jdbc), content, clock);
	}

	public Redirects redirects() {
		return this.redirects;
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

	/** Polls this node's change-event tail, as its scheduler does every second. */
	public void poll() {
		this.tail.poll();
	}

	/** The events this node's change-event tail published. */
	public List<Object> events() {
		return this.events;
	}

}
