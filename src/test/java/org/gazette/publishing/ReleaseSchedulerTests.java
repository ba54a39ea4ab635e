package org.gazette.publishing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gazette.content.TestContent;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The release thread: on when enabled, woken at once by work enqueued on its node. */
class ReleaseSchedulerTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void workEnqueuedOnThisNodeRunsAsSoonAsItsTransactionCommits() throws Exception {
		try (TestDatabase db = TestDatabase.h2()) {
			CountDownLatch ran = new CountDownLatch(1);
			ReleaseTaskHandler handler = new ReleaseTaskHandler() {
				@Override
				public String kind() {
					return "signal";
				}

				@Override
				public void run(ReleaseTask task) {
					ran.countDown();
				}
			};
			ReleaseTaskHandlers handlers = ReleaseTaskHandlers.of(handler);
			// Polling once a minute: only the wake-up after commit can run it in time.
			ReleaseProperties properties = new ReleaseProperties(true, Duration.ofMinutes(5), 10,
					Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(5),
					"node-a");
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(db.dataSource());
			ReleaseRunner runner = new ReleaseRunner(new ReleaseTaskRepository(db.jdbc()), handlers, transactions,
					properties, this.clock);
			ReleaseScheduler scheduler = new ReleaseScheduler(runner, properties, this.clock,
					new StandardEnvironment());
			assertThat(scheduler.isAutoStartup()).isTrue();
			scheduler.start();
			try {
				// Let the thread find nothing and go to sleep for its minute.
				this.clock.advance(Duration.ofMillis(1));
				var content = TestContent.content(db.jdbc(), this.clock);
				TestPublishing publishing = new TestPublishing(db.jdbc(), content, this.clock, handlers,
						(event) -> scheduler.on((ReleaseWork.ReleaseWorkEnqueued) event));
				Stories stories = new Stories(content, publishing.publishing());
				long id = db.transactions().execute((status) -> stories.story("Now").publish());
				assertThat(ran.await(20, TimeUnit.SECONDS)).as("ran within seconds, not a minute").isTrue();
				assertThat(publishing.releaseWork().status(id)).isNotEmpty();
			}
			finally {
				scheduler.stop();
			}
			assertThat(scheduler.isRunning()).isFalse();
		}
	}

	@Test
	void offWhenDisabledOrWhileRunningACommand() {
		ReleaseProperties off = new ReleaseProperties(false, Duration.ofMinutes(5), 10, Duration.ofSeconds(30),
				Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofMinutes(5), "");
		assertThat(new ReleaseScheduler(null, off, this.clock, new StandardEnvironment()).isAutoStartup()).isFalse();
		MockEnvironment command = new MockEnvironment().withProperty("gazette.command", "create-admin");
		assertThat(new ReleaseScheduler(null, ReleaseProperties.defaults(), this.clock, command).isAutoStartup())
			.isFalse();
	}

}
