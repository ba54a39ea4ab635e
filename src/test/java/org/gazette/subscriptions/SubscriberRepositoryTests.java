package org.gazette.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gazette.content.ArticleType;
import org.gazette.content.Content;
import org.gazette.content.NewTopic;
import org.gazette.content.RevisionDraft;
import org.gazette.content.TestContent;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Subscribers, their tokens and the delivery queue, on H2 and on PostgreSQL. */
class SubscriberRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

	@DatabaseTest
	void storesSubscribersWithTheirChoicesAndOneRowPerAddress(Databases.Lazy db) {
		SubscriberRepository repository = new SubscriberRepository(db.get().jdbc());
		Content content = TestContent.content(db.get().jdbc(), new MutableClock());
		long trade = content.createTopic(new NewTopic("trade", "Trade", "Trade.")).id();
		Choices choices = new Choices(false, Set.of(trade), Set.of("statement"), Frequency.DAILY);
		long id = repository.insert("reader@example.gov", choices, NOW);

		Subscriber stored = repository.findByEmail("reader@example.gov").orElseThrow();
		assertThat(stored.id()).isEqualTo(id);
		assertThat(stored.status()).isEqualTo(SubscriberStatus.PENDING);
		assertThat(stored.choices()).isEqualTo(choices);
		assertThatThrownBy(() -> repository.insert("reader@example.gov", Choices.everything(), NOW))
			.isInstanceOf(DuplicateKeyException.class);
		// The database refuses a topic or type that does not exist.
		assertThatThrownBy(() -> repository.insert("other@example.gov",
				new Choices(false, Set.of(404_404L), Set.of(), Frequency.IMMEDIATE), NOW))
			.isInstanceOf(DataIntegrityViolationException.class);

		repository.updateChoices(id, Choices.everything(), NOW.plusSeconds(5));
		repository.changeStatus(id, SubscriberStatus.CONFIRMED, NOW.plusSeconds(5));
		Subscriber changed = repository.find(id).orElseThrow();
		assertThat(changed.choices()).isEqualTo(Choices.everything());
		assertThat(changed.status()).isEqualTo(SubscriberStatus.CONFIRMED);
	}

	@DatabaseTest
	void keepsTokensByPurposeAndCountsRequestsInTheWindow(Databases.Lazy db) {
		SubscriberRepository repository = new SubscriberRepository(db.get().jdbc());
		long id = repository.insert("reader@example.gov", Choices.everything(), NOW);
		repository.addToken("a".repeat(64), id, "confirm", NOW, NOW.plus(Duration.ofHours(48)));
		assertThat(repository.findToken("a".repeat(64), "confirm"))
			.contains(new SubscriberRepository.Token(id, NOW.plus(Duration.ofHours(48))));
		assertThat(repository.findToken("a".repeat(64), "manage")).isEmpty();
		repository.deleteTokens(id, "confirm");
		assertThat(repository.findToken("a".repeat(64), "confirm")).isEmpty();

		repository.addRequest("c".repeat(64), NOW.minus(Duration.ofHours(2)));
		repository.addRequest("c".repeat(64), NOW.minusSeconds(60));
		repository.addRequest("c".repeat(64), NOW);
		assertThat(repository.countRequests("c".repeat(64), NOW.minus(Duration.ofHours(1)))).isEqualTo(2);
		repository.forgetRequestsBefore(NOW.minus(Duration.ofHours(1)));
		assertThat(repository.countRequests("c".repeat(64), NOW.minus(Duration.ofDays(1)))).isEqualTo(2);
	}

	@DatabaseTest
	void queuesEachMatchingConfirmedSubscriberOncePerStory(Databases.Lazy db) {
		SubscriberRepository subscribers = new SubscriberRepository(db.get().jdbc());
		DeliveryRepository deliveries = new DeliveryRepository(db.get().jdbc());
		Content content = TestContent.content(db.get().jdbc(), new MutableClock());
		long trade = content.createTopic(new NewTopic("trade", "Trade", "Trade.")).id();
		long ports = content.createTopic(new NewTopic("ports", "Ports", "Ports.")).id();
		long story = content.createArticle(null, draft("Story"), "writer");
		long all = confirmed(subscribers, "all@example.gov", Choices.everything());
		long tradeOnly = confirmed(subscribers, "trade@example.gov",
				new Choices(false, Set.of(trade), Set.of(), Frequency.IMMEDIATE));
		confirmed(subscribers, "ports@example.gov", new Choices(false, Set.of(ports), Set.of(), Frequency.IMMEDIATE));
		long releases = confirmed(subscribers, "releases@example.gov",
				new Choices(false, Set.of(), Set.of("news-release"), Frequency.IMMEDIATE));
		confirmed(subscribers, "digest@example.gov", new Choices(true, Set.of(), Set.of(), Frequency.DAILY));
		subscribers.insert("pending@example.gov", Choices.everything(), NOW);

		assertThat(deliveries.enqueue(story, List.of(trade), "news-release", NOW)).isEqualTo(3);
		assertThat(deliveries.enqueue(story, List.of(trade), "news-release", NOW)).isZero();
		assertThat(deliveries.enqueue(content.createArticle(null, draft("No topic"), "writer"), List.of(), "statement",
				NOW))
			.isEqualTo(1);

		List<DeliveryRepository.Delivery> claimed = db.get()
			.transactions()
			.execute((status) -> deliveries.claim("node-a", NOW, NOW.plusSeconds(300), 10));
		assertThat(claimed).extracting(DeliveryRepository.Delivery::subscriberId)
			.containsExactlyInAnyOrder(all, tradeOnly, releases, all);
		assertThat(claimed).allMatch((delivery) -> delivery.attempt() == 1);
		// Claimed rows are not due again until their lease runs out.
		List<DeliveryRepository.Delivery> again = db.get()
			.transactions()
			.execute((status) -> deliveries.claim("node-b", NOW, NOW, 10));
		assertThat(again).isEmpty();

		DeliveryRepository.Delivery first = claimed.get(0);
		assertThat(deliveries.finish(first.id(), "node-b", "sent", NOW, null)).isFalse();
		assertThat(deliveries.finish(first.id(), "node-a", "sent", NOW, null)).isTrue();
		deliveries.retryLater(claimed.get(1).id(), "node-a", NOW.plusSeconds(60), "Temporary", true);
		List<DeliveryRepository.Delivery> later = db.get()
			.transactions()
			.execute((status) -> deliveries.claim("node-b", NOW.plusSeconds(301), NOW.plusSeconds(600), 10));
		// The row retried later, and the two whose lease ran out, on their second
		// attempt.
		assertThat(later).hasSize(3).allMatch((delivery) -> delivery.attempt() == 2);
		assertThat(deliveries.countByState()).containsExactly(new DeliveryRepository.StateCount("sending", 3),
				new DeliveryRepository.StateCount("sent", 1));
	}

	@DatabaseTest
	void twoNodesClaimingAtOnceNeverTakeTheSameRow(Databases.Lazy db) throws Exception {
		SubscriberRepository subscribers = new SubscriberRepository(db.get().jdbc());
		DeliveryRepository deliveries = new DeliveryRepository(db.get().jdbc());
		Content content = TestContent.content(db.get().jdbc(), new MutableClock());
		long story = content.createArticle(null, draft("Story"), "writer");
		for (int i = 0; i < 20; i++) {
			confirmed(subscribers, "reader" + i + "@example.gov", Choices.everything());
		}
		deliveries.enqueue(story, List.of(), "news-release", NOW);
		CountDownLatch firstHolds = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		// The first node holds its locks, uncommitted, while the second claims.
		CompletableFuture<List<DeliveryRepository.Delivery>> a = CompletableFuture
			.supplyAsync(() -> db.get().transactions().execute((status) -> {
				List<DeliveryRepository.Delivery> claimed = deliveries.claim("node-a", NOW, NOW.plusSeconds(300), 12);
				firstHolds.countDown();
				await(secondDone);
				return claimed;
			}));
		await(firstHolds);
		List<DeliveryRepository.Delivery> b = db.get()
			.transactions()
			.execute((status) -> deliveries.claim("node-b", NOW, NOW.plusSeconds(300), 12));
		secondDone.countDown();
		List<DeliveryRepository.Delivery> first = a.get(30, TimeUnit.SECONDS);
		assertThat(first).hasSize(12);
		// PostgreSQL skips the locked rows and hands out the rest; H2 (one node only, by
		// design) picks its rows before skipping, so its second claimer gets none.
		assertThat(b).hasSize(db.get().isPostgres() ? 8 : 0);
		List<Long> firstIds = first.stream().map(DeliveryRepository.Delivery::id).toList();
		assertThat(b).noneMatch((delivery) -> firstIds.contains(delivery.id()));
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

	@DatabaseTest
	void reportsCountsRecentSendsAndEverySubscriberForTheBackOffice(Databases.Lazy db) {
		SubscriberRepository subscribers = new SubscriberRepository(db.get().jdbc());
		DeliveryRepository deliveries = new DeliveryRepository(db.get().jdbc());
		SubscriberReportRepository reports = new SubscriberReportRepository(db.get().jdbc());
		Content content = TestContent.content(db.get().jdbc(), new MutableClock());
		long trade = content.createTopic(new NewTopic("trade", "Trade", "Trade.")).id();
		long first = content.createArticle(null, draft("First"), "writer");
		long second = content.createArticle(null, draft("Second"), "writer");
		confirmed(subscribers, "all@example.gov", Choices.everything());
		long some = confirmed(subscribers, "some@example.gov",
				new Choices(false, Set.of(trade), Set.of("statement", "news-release"), Frequency.IMMEDIATE));
		subscribers.insert("pending@example.gov", Choices.everything(), NOW);
		long gone = confirmed(subscribers, "gone@example.gov", Choices.everything());
		subscribers.changeStatus(gone, SubscriberStatus.BOUNCED, NOW.plusSeconds(9));

		assertThat(reports.countByStatus()).containsExactly(entry(SubscriberStatus.PENDING, 1L),
				entry(SubscriberStatus.CONFIRMED, 2L), entry(SubscriberStatus.BOUNCED, 1L));
		assertThat(reports.confirmedForAllStories()).isEqualTo(1);
		assertThat(reports.confirmedPerType()).containsExactly(entry("news-release", 1L), entry("statement", 1L));

		deliveries.enqueue(first, List.of(trade), "news-release", NOW);
		deliveries.enqueue(second, List.of(), "feature-story", NOW);
		List<DeliveryRepository.Delivery> claimed = db.get()
			.transactions()
			.execute((status) -> deliveries.claim("node-a", NOW, NOW.plusSeconds(300), 10));
		for (DeliveryRepository.Delivery delivery : claimed) {
			boolean fails = delivery.subscriberId() == some;
			deliveries.finish(delivery.id(), "node-a", fails ? "failed" : "sent",
					NOW.plusSeconds((delivery.articleId() == second) ? 60 : 30), fails ? "Refused" : null);
		}
		assertThat(reports.recentSends(10)).containsExactly(
				new SubscriberReportRepository.SendRow(second, NOW.plusSeconds(60), 1, 0),
				new SubscriberReportRepository.SendRow(first, NOW.plusSeconds(30), 1, 1));
		assertThat(reports.recentSends(1)).hasSize(1);
		assertThat(reports.recentFailures(10)).containsExactly(
				new SubscriberReportRepository.FailureRow(first, NOW.plusSeconds(30), "some@example.gov", "Refused"));

		List<SubscriberReportRepository.SubscriberExport> everyone = reports.all();
		assertThat(everyone).extracting(SubscriberReportRepository.SubscriberExport::email)
			.containsExactly("all@example.gov", "some@example.gov", "pending@example.gov", "gone@example.gov");
		assertThat(everyone.get(1))
			.isEqualTo(new SubscriberReportRepository.SubscriberExport("some@example.gov", SubscriberStatus.CONFIRMED,
					false, List.of(trade), List.of("news-release", "statement"), "immediate", NOW, NOW, null));
		assertThat(everyone.get(3).bouncedAt()).isEqualTo(NOW.plusSeconds(9));
		assertThat(everyone.get(0).allStories()).isTrue();
	}

	private static long confirmed(SubscriberRepository repository, String email, Choices choices) {
		long id = repository.insert(email, choices, NOW);
		repository.changeStatus(id, SubscriberStatus.CONFIRMED, NOW);
		return id;
	}

	private static RevisionDraft draft(String title) {
		return new RevisionDraft(ArticleType.NEWS_RELEASE, title, "Summary.", null, "Body.", List.of(), List.of(), null,
				null);
	}

}
