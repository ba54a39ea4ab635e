package org.gazette.publishing;

import java.time.Duration;

import org.gazette.content.TestContent;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import static org.assertj.core.api.Assertions.assertThat;

/** Several nodes on one database each learn of every public change, once. */
class ChangeEventTailTests {

	private final MutableClock clock = new MutableClock();

	@DatabaseTest
	void anotherNodeSeesAChangeOnItsNextPoll(Databases.Lazy db) {
		var jdbc = db.get().jdbc();
		TestPublishing nodeA = new TestPublishing(jdbc, TestContent.content(jdbc, this.clock), this.clock);
		TestPublishing nodeB = new TestPublishing(jdbc, TestContent.content(jdbc, this.clock), this.clock);
		ChangeEventTail tailOfB = new ChangeEventTail(new ChangeEventRepository(jdbc), nodeB.events()::add, this.clock);
		tailOfB.poll();
		nodeB.events().clear();

		new Stories(TestContent.content(jdbc, this.clock), nodeA.publishing()).story("News").publish();
		assertThat(nodeA.events()).hasSize(1);
		tailOfB.poll();
		assertThat(nodeB.events()).hasSize(1);
		tailOfB.poll();
		assertThat(nodeB.events()).as("each change is announced once").hasSize(1);
	}

	@DatabaseTest
	void aChangeCommittedLateWithALowerIdIsNotMissed(Databases.Lazy db) {
		var jdbc = db.get().jdbc();
		var events = new java.util.ArrayList<Object>();
		ChangeEventTail tail = new ChangeEventTail(new ChangeEventRepository(jdbc), events::add, this.clock);
		insertEvent(jdbc, 100);
		tail.poll();
		assertThat(events).hasSize(1);
		// A transaction that took id 50 before id 100 was taken commits only now.
		this.clock.advance(Duration.ofSeconds(5));
		insertEvent(jdbc, 50);
		tail.poll();
		assertThat(events).hasSize(2);
	}

	private void insertEvent(org.springframework.jdbc.core.simple.JdbcClient jdbc, long id) {
		jdbc.sql("""
				insert into change_event (id, occurred_at, effective_at, kind, subject_type, subject_id)
				values (:id, :at, :at, 'published', 'article', 1)
				""").param("id", id).param("at", org.gazette.platform.Db.utc(this.clock.instant())).update();
	}

}
