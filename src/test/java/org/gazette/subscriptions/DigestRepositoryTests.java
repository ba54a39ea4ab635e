package org.gazette.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;

import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily digest queue, on H2 and on PostgreSQL. */
class DigestRepositoryTests {

	private static final DigestWindows WINDOWS = new DigestWindows(ZoneId.of("America/New_York"), LocalTime.of(7, 0));

	private static final DigestWindows.Window DAY = WINDOWS.window(LocalDate.of(2026, 11, 20));

	private static final Instant NOW = DAY.end().plusSeconds(5);

	@DatabaseTest
	void queuesEachConfirmedDailySubscriberOncePerDay(Databases.Lazy db) {
		SubscriberRepository subscribers = new SubscriberRepository(db.get().jdbc());
		DigestRepository digests = new DigestRepository(db.get().jdbc());
		long daily = confirmed(subscribers, "daily@example.gov", daily(), DAY.start());
		confirmed(subscribers, "immediate@example.gov", Choices.everything(), DAY.start());
		// Confirmed after the day's digest time: its first digest is the next day's.
		confirmed(subscribers, "late@example.gov", daily(), DAY.end().plusSeconds(1));
		subscribers.insert("pending@example.gov", daily(), DAY.start());

		assertThat(digests.queue(DAY, DAY.end().minus(Duration.ofDays(7)), NOW)).isEqualTo(1);
		assertThat(digests.queue(DAY, DAY.end().minus(Duration.ofDays(7)), NOW)).as("once a day").isZero();
		List<DigestRepository.Digest> claimed = db.get()
			.transactions()
			.execute((status) -> digests.claim("node-a", NOW, NOW.plusSeconds(300), 10));
		assertThat(claimed).containsExactly(
				new DigestRepository.Digest(claimed.get(0).id(), daily, DAY.date(), DAY.start(), DAY.end(), 1));
		// The unique key holds even for a node that skips the check.
		assertThatThrownBy(() -> db.get().jdbc().sql("""
				insert into subscriber_digest (subscriber_id, digest_date, window_start, window_end, next_attempt_at,
				    created_at)
				select subscriber_id, digest_date, window_start, window_end, next_attempt_at, created_at
				from subscriber_digest""").update()).isInstanceOf(DuplicateKeyException.class);

		assertThat(digests.finish(claimed.get(0).id(), "node-b", "sent", NOW, 2, null)).isFalse();
		assertThat(digests.finish(claimed.get(0).id(), "node-a", "sent", NOW, 2, null)).isTrue();
		assertThat(digests.of(daily)).containsExactly(new DigestRepository.Sent(DAY.date(), "sent", 2));
	}

	@DatabaseTest
	void aDigestStartsWhereTheSubscribersPreviousOneEndedButAtMostAWeekBack(Databases.Lazy db) {
		SubscriberRepository subscribers = new SubscriberRepository(db.get().jdbc());
		DigestRepository digests = new DigestRepository(db.get().jdbc());
		long reader = confirmed(subscribers, "reader@example.gov", daily(), DAY.start().minus(Duration.ofDays(30)));
		DigestWindows.Window threeDaysLater = WINDOWS.window(DAY.date().plusDays(3));
		DigestWindows.Window monthLater = WINDOWS.window(DAY.date().plusDays(30));
		digests.queue(DAY, DAY.end().minus(Duration.ofDays(7)), NOW);
		// No node sent for two days: the next digest covers them.
		digests.queue(threeDaysLater, threeDaysLater.end().minus(Duration.ofDays(7)), threeDaysLater.end());
		digests.queue(monthLater, monthLater.end().minus(Duration.ofDays(7)), monthLater.end());
		List<DigestRepository.Digest> all = db.get()
			.transactions()
			.execute((status) -> digests.claim("node-a", monthLater.end(), monthLater.end().plusSeconds(300), 10));
		assertThat(all).extracting(DigestRepository.Digest::windowStart)
			.containsExactly(DAY.start(), DAY.end(), monthLater.end().minus(Duration.ofDays(7)));
		assertThat(all).allMatch((digest) -> digest.subscriberId() == reader);
	}

	@DatabaseTest
	void twoNodesClaimingAtOnceNeverTakeTheSameDigest(Databases.Lazy db) throws Exception {
		SubscriberRepository subscribers = new SubscriberRepository(db.get().jdbc());
		DigestRepository digests = new DigestRepository(db.get().jdbc());
		for (int i = 0; i < 20; i++) {
			confirmed(subscribers, "reader" + i + "@example.gov", daily(), DAY.start());
		}
		digests.queue(DAY, DAY.end().minus(Duration.ofDays(7)), NOW);
		CountDownLatch firstHolds = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		CompletableFuture<List<DigestRepository.Digest>> a = CompletableFuture
			.supplyAsync(() -> db.get().transactions().execute((status) -> {
				List<DigestRepository.Digest> claimed = digests.claim("node-a", NOW, NOW.plusSeconds(300), 12);
				firstHolds.countDown();
				await(secondDone);
				return claimed;
			}));
		await(firstHolds);
		List<DigestRepository.Digest> b = db.get()
			.transactions()
			.execute((status) -> digests.claim("node-b", NOW, NOW.plusSeconds(300), 12));
		secondDone.countDown();
		List<DigestRepository.Digest> first = a.get(30, TimeUnit.SECONDS);
		assertThat(first).hasSize(12);
		// As for story emails: PostgreSQL hands the second node the rest; H2 none.
		assertThat(b).hasSize(db.get().isPostgres() ? 8 : 0);
		List<Long> firstIds = first.stream().map(DigestRepository.Digest::id).toList();
		assertThat(b).noneMatch((digest) -> firstIds.contains(digest.id()));

		// A node that stopped: its digests go to another after the lease, on a second
		// attempt; one put back for later waits.
		digests.retryLater(first.get(0).id(), "node-a", NOW.plusSeconds(900), "Temporary", true);
		List<DigestRepository.Digest> later = db.get()
			.transactions()
			.execute((status) -> digests.claim("node-c", NOW.plusSeconds(301), NOW.plusSeconds(600), 100));
		assertThat(later).hasSize(19);
		List<Long> claimedBefore = new java.util.ArrayList<>(firstIds);
		b.forEach((digest) -> claimedBefore.add(digest.id()));
		assertThat(later).filteredOn((digest) -> claimedBefore.contains(digest.id()))
			.hasSize(claimedBefore.size() - 1)
			.allMatch((digest) -> digest.attempt() == 2);
	}

	private static Choices daily() {
		return new Choices(true, Set.of(), Set.of(), Frequency.DAILY);
	}

	private static long confirmed(SubscriberRepository repository, String email, Choices choices, Instant at) {
		long id = repository.insert(email, choices, at);
		repository.changeStatus(id, SubscriberStatus.CONFIRMED, at);
		return id;
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
