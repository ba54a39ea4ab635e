package org.gazette.publishing;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gazette.content.Content;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing and the public newsroom on a test database, wired by hand. */
public final class TestPublishing {

	private final Publishing publishing;

	private final Newsroom newsroom;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ChangeEventTail tail;

	private final ChangeLog changeLog;

	private final JdbcClient jdbc;

	private final Content content;

	private final Clock clock;

	private final ReleaseWork releaseWork;

	private final Redirects redirects;

	public TestPublishing(JdbcClient jdbc, Content content, Clock clock) {
		this(jdbc, content, clock, ReleaseTaskHandlers.of(), (event) -> {
		});
	}

	/**
	 * With release work for the given handlers; the runner is woken through the given
	 * publisher.
	 */
	TestPublishing(JdbcClient jdbc, Content content, Clock clock, ReleaseTaskHandlers handlers,
			ApplicationEventPublisher releaseEvents) {
		this.jdbc = jdbc;
		this.content = content;
		this.clock = clock;
		ChangeEventRepository changeEvents = new ChangeEventRepository(jdbc);
		ChangeEventTail tail = new ChangeEventTail(changeEvents, this.events::add, clock);
		this.tail = tail;
		this.changeLog = new ChangeLog(changeEvents);
		this.releaseWork = new ReleaseWork(new ReleaseTaskRepository(jdbc), handlers, releaseEvents,
				ReleaseProperties.defaults(), clock);
		NewsroomRepository stories = new NewsroomRepository(jdbc);
		TakedownRepository takedowns = new TakedownRepository(jdbc);
		this.publishing = new Publishing(new PublishingRepository(jdbc), new ChangeEvents(changeEvents, tail, clock),
				content, this.releaseWork, takedowns, stories, clock);
		this.newsroom = new Newsroom(stories, takedowns, clock);
		this.redirects = new Redirects(new RedirectRepository(jdbc), content, clock,
				new ChangeEvents(changeEvents, tail, clock));
	}

	public Redirects redirects() {
		return this.redirects;
	}

	public Publishing publishing() {
		return this.publishing;
	}

	/**
	 * The editorial workflow over this node's publishing, recording to a real audit log.
	 */
	public Workflow workflow(boolean twoPersonRule) {
		return new Workflow(new WorkflowRepository(this.jdbc), this.publishing, this.content,
				org.gazette.audit.TestAudit.auditLog(this.jdbc, this.clock), new WorkflowSettings(twoPersonRule),
				this.clock);
	}

	public ReleaseWork releaseWork() {
		return this.releaseWork;
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
