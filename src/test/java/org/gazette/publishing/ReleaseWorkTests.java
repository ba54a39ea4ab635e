package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.gazette.audit.AuditEntry;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.gazette.audit.TestAudit;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.RevisionDraft;
import org.gazette.content.TestContent;
import org.gazette.platform.SiteDates;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestDatabase;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Release work on H2 and PostgreSQL: enqueued with each publication, run once by one of
 * several nodes at the release instant (or after it, by a node that was down), retried
 * with backoff, taken over when a node stops mid-run, and never run for a story taken
 * down before its release.
 */
class ReleaseWorkTests {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	private final MutableClock clock = new MutableClock();

	private final CountingHandler counting = new CountingHandler("count", (kind) -> true);

	private TestDatabase db;

	private Content content;

	private Stories stories;

	private TestPublishing publishing;

	private AuditLog audit;

	private ReleaseTaskHandlers handlers;

	private void open(Databases.Lazy lazy, ReleaseTaskHandler... more) {
		this.db = lazy.get();
		this.content = TestContent.content(this.db.jdbc(), this.clock);
		this.audit = TestAudit.auditLog(this.db.jdbc(), this.clock);
		List<ReleaseTaskHandler> all = new ArrayList<>(
				List.of(new ReleaseRecordHandler(this.audit, SiteDates.in(ZONE)), this.counting));
		all.addAll(List.of(more));
		this.handlers = ReleaseTaskHandlers.of(all.toArray(ReleaseTaskHandler[]::new));
		this.publishing = new TestPublishing(this.db.jdbc(), this.content, this.clock, this.handlers, (event) -> {
		});
		this.stories = new Stories(this.content, this.publishing.publishing());
	}

	/** One node's runner: its own instance, on the same database. */
	private ReleaseRunner node(String name) {
		return node(name, ReleaseProperties.defaults());
	}

	private ReleaseRunner node(String name, ReleaseProperties properties) {
		return new ReleaseRunner(new ReleaseTaskRepository(this.db.jdbc()), this.handlers,
				new DataSourceTransactionManager(this.db.dataSource()), properties.withNodeId(name), this.clock);
	}

	private ReleaseWork work() {
		return this.publishing.releaseWork();
	}

	private List<AuditEntry> releaseRecords() {
		return this.audit.find(new AuditFilter(null, "story.released", null, null, 1)).entries();
	}

	private ReleaseTaskStatus status(long articleId, String kind) {
		return work().status(articleId).stream().filter((task) -> task.kind().equals(kind)).findFirst().orElseThrow();
	}

	@DatabaseTest
	void aPublicationsWorkRunsOnceWhenItTakesEffect(Databases.Lazy lazy) {
		open(lazy);
		Instant now = this.clock.instant();
		long id = this.stories.story("Ports reopen").publish();
		assertThat(work().status(id)).extracting(ReleaseTaskStatus::kind, ReleaseTaskStatus::state)
			.containsExactlyInAnyOrder(tuple("count", ReleaseTaskState.PENDING),
					tuple("release-record", ReleaseTaskState.PENDING));

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(node("a").runDue()).isEqualTo(2);

		assertThat(this.counting.runs()).hasSize(1);
		ReleaseTask task = this.counting.runs().get(0);
		assertThat(task.articleId()).isEqualTo(id);
		assertThat(task.publicationKind()).isEqualTo(PublicationKind.FIRST_RELEASE);
		assertThat(task.dueAt()).isEqualTo(now);
		assertThat(task.attempt()).isEqualTo(1);
		assertThat(releaseRecords()).singleElement().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("system");
			assertThat(entry.targetType()).isEqualTo("story");
			assertThat(entry.targetId()).isEqualTo(Long.toString(id));
			assertThat(entry.details()).startsWith("Story released to the public")
				.contains("November 27, 2026 at 3:00:00 PM EST");
		});
		ReleaseTaskStatus done = status(id, "release-record");
		assertThat(done.state()).isEqualTo(ReleaseTaskState.DONE);
		assertThat(done.finishedAt()).isEqualTo(now.plusSeconds(2));
		assertThat(done.description()).isEqualTo("Release recorded in the audit log");
		assertThat(done.attempts()).isEqualTo(1);

		assertThat(node("a").runDue()).isZero();
		assertThat(node("b").runDue()).isZero();
		assertThat(this.counting.runs()).hasSize(1);
		assertThat(releaseRecords()).hasSize(1);
	}

	@DatabaseTest
	void eachHandlerChoosesThePublicationsItFollows(Databases.Lazy lazy) {
		CountingHandler firstOnly = new CountingHandler("first-release-only",
				(kind) -> kind == PublicationKind.FIRST_RELEASE);
		open(lazy, firstOnly);
		long id = this.stories.story("Ports reopen").publish();
		node("a").runDue();
		this.clock.advance(Duration.ofHours(1));
		revise(id, "Ports reopen on Monday", ChangeKind.MAJOR);
		this.publishing.publishing().publish(id, null);
		this.clock.advance(Duration.ofHours(1));
		revise(id, "Ports reopen on Monday.", ChangeKind.MINOR);
		this.publishing.publishing().publish(id, null);
		node("a").runDue();

		assertThat(firstOnly.runs()).extracting(ReleaseTask::publicationKind)
			.containsExactly(PublicationKind.FIRST_RELEASE);
		assertThat(this.counting.runs()).extracting(ReleaseTask::publicationKind)
			.containsExactly(PublicationKind.FIRST_RELEASE, PublicationKind.MAJOR_UPDATE, PublicationKind.MINOR_UPDATE);
		assertThat(this.counting.runs().get(1).dueAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
		assertThat(releaseRecords()).extracting(AuditEntry::details)
			.anySatisfy((details) -> assertThat(details).startsWith("Major update released to the public"))
			.anySatisfy((details) -> assertThat(details).startsWith("Minor update released to the public"))
			.hasSize(3);
		assertThat(work().status(id)).extracting(ReleaseTaskStatus::state).containsOnly(ReleaseTaskState.DONE);
		// What editors are shown: the latest publication's work only.
		assertThat(work().latestStatus(id)).extracting(ReleaseTaskStatus::kind, ReleaseTaskStatus::publicationKind)
			.containsExactly(tuple("count", PublicationKind.MINOR_UPDATE),
					tuple("release-record", PublicationKind.MINOR_UPDATE));
	}

	@DatabaseTest
	void twoNodesRunningAtOnceRunEachTaskExactlyOnce(Databases.Lazy lazy) throws Exception {
		open(lazy);
		int storyCount = 24;
		// One story released each second: every round, both nodes race for its work.
		Instant first = this.clock.instant().plus(Duration.ofMinutes(1));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < storyCount; i++) {
			ids.add(this.stories.story("Story " + i).releasedAt(first.plusSeconds(i)).publish());
		}
		this.clock.set(first.minusSeconds(1));
		ReleaseRunner nodeA = node("node-a");
		ReleaseRunner nodeB = node("node-b");
		CyclicBarrier together = new CyclicBarrier(2, () -> this.clock.advance(Duration.ofSeconds(1)));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> started = new ArrayList<>();
			for (ReleaseRunner node : List.of(nodeA, nodeB)) {
				started.add(threads.submit(() -> {
					int count = 0;
					for (int round = 0; round < storyCount + 5; round++) {
						together.await(30, TimeUnit.SECONDS);
						count += node.runDue();
					}
					return count;
				}));
			}
			int total = started.get(0).get(2, TimeUnit.MINUTES) + started.get(1).get(2, TimeUnit.MINUTES);
			assertThat(total).as("tasks started by both nodes").isEqualTo(2 * storyCount);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.counting.runsPerArticle()).hasSize(storyCount).allSatisfy((article, runs) -> {
			assertThat(ids).contains(article);
			assertThat(runs).as("runs of story %d", article).isEqualTo(1);
		});
		assertThat(this.audit.find(new AuditFilter("system", "story.released", null, null, 1)).entries())
			.extracting(AuditEntry::targetId)
			.doesNotHaveDuplicates()
			.hasSize(storyCount);
		for (long id : ids) {
			assertThat(work().status(id)).extracting(ReleaseTaskStatus::state).containsOnly(ReleaseTaskState.DONE);
		}
	}

	@DatabaseTest
	void scheduledWorkWaitsForItsReleaseInstant(Databases.Lazy lazy) {
		open(lazy);
		Instant release = this.clock.instant().plus(Duration.ofHours(3));
		long id = this.stories.story("Embargoed").releasedAt(release).publish();
		ReleaseRunner node = node("a");
		assertThat(node.nextDue()).contains(release);
		assertThat(node.runDue()).isZero();
		this.clock.set(release.minusMillis(1));
		assertThat(node.runDue()).isZero();
		assertThat(this.counting.runs()).isEmpty();
		assertThat(releaseRecords()).isEmpty();

		this.clock.set(release);
		assertThat(node.runDue()).isEqualTo(2);
		assertThat(this.counting.runs()).extracting(ReleaseTask::articleId).containsExactly(id);
		assertThat(this.counting.runs().get(0).dueAt()).isEqualTo(release);
		assertThat(releaseRecords()).hasSize(1);
		assertThat(node.nextDue()).isEmpty();
	}

	@DatabaseTest
	void workDueWhileEveryNodeWasDownRunsWhenOneStarts(Databases.Lazy lazy) {
		open(lazy);
		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long id = this.stories.story("Released overnight").releasedAt(release).publish();
		this.clock.set(release.plus(Duration.ofHours(9)));

		ReleaseRunner restarted = node("restarted");
		assertThat(restarted.runDue()).isEqualTo(2);
		assertThat(this.counting.runs()).singleElement().satisfies((task) -> {
			assertThat(task.articleId()).isEqualTo(id);
			assertThat(task.dueAt()).isEqualTo(release);
		});
		assertThat(releaseRecords()).singleElement()
			.satisfies((entry) -> assertThat(entry.occurredAt()).isEqualTo(release.plus(Duration.ofHours(9))));
	}

	@DatabaseTest
	void aFailingTaskIsRetriedWithBackoffThenGivenUp(Databases.Lazy lazy) {
		open(lazy);
		this.counting.failNext(Integer.MAX_VALUE);
		Instant start = this.clock.instant();
		long id = this.stories.story("Unlucky").publish();
		ReleaseRunner node = node("a", ReleaseProperties.defaults().withMaxAttempts(3));

		node.runDue();
		assertThat(this.counting.attempts()).isEqualTo(1);
		ReleaseTaskStatus failedOnce = status(id, "count");
		assertThat(failedOnce.state()).isEqualTo(ReleaseTaskState.PENDING);
		assertThat(failedOnce.attempts()).isEqualTo(1);
		assertThat(failedOnce.lastError()).isEqualTo("IllegalStateException (details in the server log)");
		assertThat(node.nextDue()).contains(start.plusSeconds(30));

		this.clock.set(start.plusSeconds(29));
		node.runDue();
		assertThat(this.counting.attempts()).as("no retry before 30 seconds").isEqualTo(1);
		this.clock.set(start.plusSeconds(30));
		node.runDue();
		assertThat(this.counting.attempts()).isEqualTo(2);
		this.clock.set(start.plusSeconds(89));
		node.runDue();
		assertThat(this.counting.attempts()).as("the second wait is a minute").isEqualTo(2);
		this.clock.set(start.plusSeconds(90));
		node.runDue();
		assertThat(this.counting.attempts()).isEqualTo(3);

		ReleaseTaskStatus failed = status(id, "count");
		assertThat(failed.state()).isEqualTo(ReleaseTaskState.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.finishedAt()).isEqualTo(start.plusSeconds(90));
		this.clock.advance(Duration.ofDays(1));
		node.runDue();
		assertThat(this.counting.attempts()).as("given up").isEqualTo(3);
		assertThat(status(id, "release-record").state()).isEqualTo(ReleaseTaskState.DONE);
		assertThat(work().overdue(Duration.ofMinutes(5))).singleElement().satisfies((overdue) -> {
			assertThat(overdue.articleId()).isEqualTo(id);
			assertThat(overdue.title()).isEqualTo("Unlucky");
			assertThat(overdue.kind()).isEqualTo("count");
			assertThat(overdue.state()).isEqualTo(ReleaseTaskState.FAILED);
			assertThat(overdue.attempts()).isEqualTo(3);
			assertThat(overdue.dueAt()).isEqualTo(start);
			assertThat(overdue.lastError()).contains("IllegalStateException");
		});

		// Once the cause is fixed, a publisher tries again: a fresh count of attempts.
		this.counting.failNext(0);
		long taskId = work().overdue(Duration.ofMinutes(5)).get(0).id();
		assertThat(work().retry(taskId)).contains(id);
		assertThat(work().retry(taskId)).as("already back in the queue").isEmpty();
		assertThat(status(id, "count").state()).isEqualTo(ReleaseTaskState.PENDING);
		assertThat(node.runDue()).isEqualTo(1);
		assertThat(status(id, "count").state()).isEqualTo(ReleaseTaskState.DONE);
		assertThat(this.counting.runs()).hasSize(1);
		assertThat(work().overdue(Duration.ofMinutes(5))).isEmpty();
		assertThat(work().retry(taskId)).as("done work is not run again").isEmpty();
		assertThat(work().retry(999_999)).isEmpty();
	}

	@DatabaseTest
	void whatAFailedAttemptWroteIsRolledBackAndTheRetryWritesItOnce(Databases.Lazy lazy) {
		AtomicInteger calls = new AtomicInteger();
		ReleaseTaskHandler[] flaky = new ReleaseTaskHandler[1];
		open(lazy, new ReleaseTaskHandler() {
			@Override
			public String kind() {
				return "flaky-record";
			}

			@Override
			public void run(ReleaseTask task) {
				ReleaseWorkTests.this.audit
					.record(AuditRecord.of("system", "story.flaky", "story", task.articleId(), "attempt"));
				if (calls.incrementAndGet() == 1) {
					throw new IllegalStateException("first attempt fails after writing");
				}
			}
		});
		long id = this.stories.story("Flaky").publish();
		ReleaseRunner node = node("a");
		node.runDue();
		this.clock.advance(Duration.ofSeconds(30));
		node.runDue();

		assertThat(calls).hasValue(2);
		assertThat(status(id, "flaky-record").state()).isEqualTo(ReleaseTaskState.DONE);
		assertThat(status(id, "flaky-record").attempts()).isEqualTo(2);
		assertThat(this.audit.find(new AuditFilter(null, "story.flaky", null, null, 1)).entries()).hasSize(1);
	}

	@DatabaseTest
	void aNodeThatStopsMidRunLosesItsTaskToAnotherWhenTheLeaseRunsOut(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("Handed over").publish();
		ReleaseRunner stopped = node("stopped");
		// The first node claims the audit task and stops before running it.
		ReleaseTask claimed = stopped.claimNext().orElseThrow();
		ReleaseRunner other = node("other");

		this.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		other.runDue();
		assertThat(status(id, claimed.kind()).state()).as("still leased").isEqualTo(ReleaseTaskState.RUNNING);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(other.runDue()).isEqualTo(1);
		ReleaseTaskStatus taken = status(id, claimed.kind());
		assertThat(taken.state()).isEqualTo(ReleaseTaskState.DONE);
		assertThat(taken.attempts()).isEqualTo(2);

		// The first node comes back and finishes what it had claimed: nothing happens.
		stopped.run(claimed);
		assertThat(this.counting.runs()).hasSize(1);
		assertThat(releaseRecords()).hasSize(1);
		assertThat(status(id, claimed.kind()).state()).isEqualTo(ReleaseTaskState.DONE);
	}

	@DatabaseTest
	void aTaskWhoseNodesKeepStoppingIsGivenUp(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("Cursed").publish();
		ReleaseProperties once = ReleaseProperties.defaults().withMaxAttempts(1);
		ReleaseTask claimed = node("stopped", once).claimNext().orElseThrow();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(node("other", once).runDue()).as("only the other task").isEqualTo(1);
		ReleaseTaskStatus given = status(id, claimed.kind());
		assertThat(given.state()).isEqualTo(ReleaseTaskState.FAILED);
		assertThat(given.lastError()).isEqualTo("A server stopped while running it, on the last attempt allowed");
		assertThat(given.finishedAt()).isEqualTo(this.clock.instant());
	}

	@DatabaseTest
	void aStoryTakenDownBeforeItsReleaseRunsNoWork(Databases.Lazy lazy) {
		open(lazy);
		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long id = this.stories.story("Pulled").releasedAt(release).publish();
		this.clock.advance(Duration.ofMinutes(10));
		this.publishing.publishing().unpublish(id);
		this.clock.set(release.plus(Duration.ofHours(2)));

		assertThat(node("a").runDue()).isZero();
		assertThat(this.counting.runs()).isEmpty();
		assertThat(releaseRecords()).isEmpty();
		assertThat(work().status(id)).allSatisfy((task) -> {
			assertThat(task.state()).isEqualTo(ReleaseTaskState.SKIPPED);
			assertThat(task.lastError()).isEqualTo("Taken down before release");
		});
		assertThat(work().overdue(Duration.ZERO)).isEmpty();
	}

	@DatabaseTest
	void aStoryTakenDownAfterItsReleaseButBeforeItsWorkRanIsSkipped(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("Pulled at once").publish();
		this.clock.advance(Duration.ofSeconds(1));
		this.publishing.publishing().unpublish(id);

		node("a").runDue();
		assertThat(this.counting.runs()).isEmpty();
		assertThat(work().status(id)).extracting(ReleaseTaskStatus::state).containsOnly(ReleaseTaskState.SKIPPED);
		assertThat(status(id, "count").lastError()).isEqualTo("The story was not public when the work was due to run");
	}

	@DatabaseTest
	void aRescheduledStoryRunsItsWorkOnceAtTheNewInstant(Databases.Lazy lazy) {
		open(lazy);
		Instant first = this.clock.instant().plus(Duration.ofHours(1));
		Instant later = this.clock.instant().plus(Duration.ofHours(3));
		long id = this.stories.story("Moved").releasedAt(first).publish();
		this.clock.advance(Duration.ofMinutes(10));
		this.publishing.publishing().publish(id, later);

		// Nobody ran anything at the first instant; the next node starts after both.
		this.clock.set(later.plusSeconds(1));
		node("a").runDue();
		assertThat(this.counting.runs()).singleElement().satisfies((task) -> {
			assertThat(task.dueAt()).isEqualTo(later);
			assertThat(task.publicationKind()).isEqualTo(PublicationKind.FIRST_RELEASE);
		});
		assertThat(releaseRecords()).hasSize(1);
		assertThat(work().status(id)).extracting(ReleaseTaskStatus::state, ReleaseTaskStatus::lastError)
			.containsExactlyInAnyOrder(tuple(ReleaseTaskState.DONE, null), tuple(ReleaseTaskState.DONE, null),
					tuple(ReleaseTaskState.SKIPPED, "Replaced before release"),
					tuple(ReleaseTaskState.SKIPPED, "Replaced before release"));
	}

	@DatabaseTest
	void aReleaseMovedByTheWorkflowMovesItsWorkAndOneCalledOffRunsNothing(Databases.Lazy lazy) {
		open(lazy);
		Instant first = this.clock.instant().plus(Duration.ofHours(1));
		Instant later = this.clock.instant().plus(Duration.ofHours(3));
		long moved = this.stories.story("Rescheduled").releasedAt(first).publish();
		long calledOff = this.stories.story("Called off").releasedAt(first).publish();
		this.publishing.publishing().reschedule(moved, later);
		this.publishing.publishing().unschedule(calledOff);

		this.clock.set(first.plusSeconds(1));
		node("a").runDue();
		assertThat(this.counting.runs()).isEmpty();
		this.clock.set(later);
		node("a").runDue();
		assertThat(this.counting.runs()).singleElement().satisfies((task) -> {
			assertThat(task.articleId()).isEqualTo(moved);
			assertThat(task.dueAt()).isEqualTo(later);
		});
		assertThat(work().status(calledOff)).extracting(ReleaseTaskStatus::state)
			.containsOnly(ReleaseTaskState.SKIPPED);
	}

	@DatabaseTest
	void aStoryTakenDownBeforeItsFirstReleaseAndPublishedLaterIsAFirstRelease(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("Second try").releasedAt(this.clock.instant().plus(Duration.ofHours(1))).publish();
		this.clock.advance(Duration.ofMinutes(10));
		this.publishing.publishing().unpublish(id);
		this.clock.advance(Duration.ofHours(2));
		this.publishing.publishing().publish(id, null);
		node("a").runDue();
		assertThat(this.counting.runs()).extracting(ReleaseTask::publicationKind)
			.containsExactly(PublicationKind.FIRST_RELEASE);
	}

	@DatabaseTest
	void overdueWorkIsWhatIsUnfinishedLongerThanTheGracePeriod(Databases.Lazy lazy) {
		open(lazy);
		Instant release = this.clock.instant().plus(Duration.ofHours(1));
		long late = this.stories.story("Late").releasedAt(release).publish();
		this.clock.set(release.plus(Duration.ofMinutes(5)));
		assertThat(work().overdue(Duration.ofMinutes(5))).isEmpty();
		this.clock.set(release.plus(Duration.ofMinutes(5)).plusMillis(1));
		assertThat(work().overdue(Duration.ofMinutes(5)))
			.extracting(OverdueReleaseTask::articleId, OverdueReleaseTask::kind, OverdueReleaseTask::state)
			.containsExactlyInAnyOrder(tuple(late, "count", ReleaseTaskState.PENDING),
					tuple(late, "release-record", ReleaseTaskState.PENDING));
		node("a").runDue();
		assertThat(work().overdue(Duration.ofMinutes(5))).isEmpty();
	}

	/** Counts its runs, and fails while told to. */
	static final class CountingHandler implements ReleaseTaskHandler {

		private final String kind;

		private final Predicate<PublicationKind> wants;

		private final List<ReleaseTask> runs = new CopyOnWriteArrayList<>();

		private final AtomicInteger attempts = new AtomicInteger();

		private final AtomicInteger failures = new AtomicInteger();

		CountingHandler(String kind, Predicate<PublicationKind> wants) {
			this.kind = kind;
			this.wants = wants;
		}

		@Override
		public String kind() {
			return this.kind;
		}

		@Override
		public boolean wants(PublicationKind publication) {
			return this.wants.test(publication);
		}

		@Override
		public void run(ReleaseTask task) {
			this.attempts.incrementAndGet();
			if (this.failures.getAndDecrement() > 0) {
				throw new IllegalStateException("Mail server at smtp.example.gov refused jane@example.gov");
			}
			this.runs.add(task);
		}

		void failNext(int times) {
			this.failures.set(times);
		}

		/** Successful runs, in order. */
		List<ReleaseTask> runs() {
			return this.runs;
		}

		int attempts() {
			return this.attempts.get();
		}

		Map<Long, Integer> runsPerArticle() {
			Map<Long, Integer> counts = new ConcurrentHashMap<>();
			this.runs.forEach((task) -> counts.merge(task.articleId(), 1, Integer::sum));
			return counts;
		}

	}

	private void revise(long id, String title, ChangeKind kind) {
		RevisionDraft working = this.content.workingRevision(id).orElseThrow().toDraft();
		this.content.revise(
				id, new RevisionDraft(working.type(), title, working.summary(), working.dateline(),
						working.bodyMarkdown(), working.authorIds(), working.topicIds(), kind, "Changed.", null),
				"tester");
	}

}
