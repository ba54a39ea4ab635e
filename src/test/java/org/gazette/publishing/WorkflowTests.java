package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gazette.accounts.Role;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.RevisionDraft;
import org.gazette.content.TestContent;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The editorial workflow on H2 and PostgreSQL: who may take which step from which state,
 * the two-person rule, scheduling, and what readers get meanwhile.
 */
class WorkflowTests {

	private static final Actor WRITER = new Actor("writer@example.gov", Role.CONTRIBUTOR);

	private static final Actor OTHER_WRITER = new Actor("other@example.gov", Role.CONTRIBUTOR);

	private static final Actor EDITOR = new Actor("editor@example.gov", Role.EDITOR);

	private static final Actor PUBLISHER = new Actor("publisher@example.gov", Role.PUBLISHER);

	private static final Actor SECOND_PUBLISHER = new Actor("second@example.gov", Role.PUBLISHER);

	private static final Actor ADMIN = new Actor("admin@example.gov", Role.ADMIN);

	private final MutableClock clock = new MutableClock();

	private Content content;

	private TestPublishing node;

	private Workflow workflow;

	private Stories stories;

	private TransactionTemplate transactions;

	private void open(Databases.Lazy db, boolean twoPersonRule) {
		this.content = TestContent.content(db.get().jdbc(), this.clock);
		this.node = new TestPublishing(db.get().jdbc(), this.content, this.clock);
		this.workflow = this.node.workflow(twoPersonRule);
		this.stories = new Stories(this.content, this.node.publishing());
		this.transactions = db.get().transactions();
	}

	private long writtenBy(Actor writer, String title) {
		return this.stories.story(title)
			.slug(Slug.of(title))
			.by(this.stories.author("Jane Doe " + title))
			.draftBy(writer.email());
	}

	private ArticleStanding act(long id, WorkflowAction action, Actor actor) {
		return act(id, new Transition(action, null, null), actor);
	}

	private ArticleStanding act(long id, Transition transition, Actor actor) {
		int version = this.workflow.standing(id).orElseThrow().version();
		return this.transactions.execute((status) -> this.workflow.apply(id, version, transition, actor));
	}

	@DatabaseTest
	void aStoryGoesFromItsWriterThroughReviewToReadersAtItsReleaseInstant(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Port hours extended");
		assertThat(act(id, WorkflowAction.SUBMIT, WRITER).state()).isEqualTo(EditorialState.IN_REVIEW);
		assertThat(act(id, WorkflowAction.APPROVE, EDITOR).state()).isEqualTo(EditorialState.APPROVED);
		Instant release = this.clock.instant().plus(Duration.ofHours(3));
		ArticleStanding scheduled = act(id, Transition.scheduled(WorkflowAction.SCHEDULE, release), PUBLISHER);
		assertThat(scheduled.state()).isEqualTo(EditorialState.PUBLISHED);
		assertThat(scheduled.isScheduled(this.clock.instant())).isTrue();

		this.clock.set(release.minusMillis(1));
		assertThat(this.node.newsroom().story("port-hours-extended")).isEmpty();
		this.clock.set(release);
		assertThat(this.node.newsroom().story("port-hours-extended")).isPresent();

		assertThat(this.workflow.events(id)).extracting(WorkflowEvent::action, WorkflowEvent::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(WorkflowAction.SUBMIT, WRITER.email()),
					org.assertj.core.groups.Tuple.tuple(WorkflowAction.APPROVE, EDITOR.email()),
					org.assertj.core.groups.Tuple.tuple(WorkflowAction.SCHEDULE, PUBLISHER.email()));
		assertThat(db.get()
			.jdbc()
			.sql("select count(*) from audit_event where action like 'story.%' and target_id = :id")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@DatabaseTest
	void anIllegalStepIsRefusedWithAMessageAndChangesNothing(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Draft only");
		assertThatThrownBy(() -> act(id, WorkflowAction.APPROVE, EDITOR)).isInstanceOf(WorkflowException.class)
			.hasMessage("Only a story in review can be approved; this story is a draft.");
		assertThatThrownBy(() -> act(id, WorkflowAction.UNPUBLISH, PUBLISHER)).hasMessage("This story is not public.");
		assertThatThrownBy(() -> act(id, WorkflowAction.RESCHEDULE, PUBLISHER))
			.hasMessage("This story is not scheduled.");
		assertThatThrownBy(() -> act(id, WorkflowAction.UNARCHIVE, ADMIN)).hasMessage("This story is not archived.");
		ArticleStanding story = this.workflow.standing(id).orElseThrow();
		assertThat(story.state()).isEqualTo(EditorialState.DRAFT);
		assertThat(this.workflow.events(id)).isEmpty();
	}

	@DatabaseTest
	void aRoleThatLacksAStepIsForbiddenIt(Databases.Lazy db) {
		open(db, false);
		long id = writtenBy(WRITER, "Roles");
		assertThatThrownBy(() -> act(id, WorkflowAction.SUBMIT, OTHER_WRITER))
			.isInstanceOf(WorkflowForbiddenException.class)
			.hasMessage("Contributors submit only the stories they wrote.");
		act(id, WorkflowAction.SUBMIT, WRITER);
		assertThatThrownBy(() -> act(id, WorkflowAction.APPROVE, WRITER)).isInstanceOf(WorkflowForbiddenException.class)
			.hasMessage("Only editors and up can approve stories.");
		act(id, WorkflowAction.APPROVE, EDITOR);
		assertThatThrownBy(() -> act(id, WorkflowAction.PUBLISH, EDITOR)).isInstanceOf(WorkflowForbiddenException.class)
			.hasMessage("Only publishers and up can publish stories.");
		act(id, WorkflowAction.PUBLISH, PUBLISHER);
		act(id, WorkflowAction.ARCHIVE, PUBLISHER);
		assertThatThrownBy(() -> act(id, WorkflowAction.UNARCHIVE, PUBLISHER))
			.isInstanceOf(WorkflowForbiddenException.class);
		assertThat(act(id, WorkflowAction.UNARCHIVE, ADMIN).state()).isEqualTo(EditorialState.PUBLISHED);
	}

	@DatabaseTest
	void theTwoPersonRuleKeepsAWriterFromApprovingOrPublishingTheirOwnRevision(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(EDITOR, "Own words");
		act(id, WorkflowAction.SUBMIT, EDITOR);
		assertThatThrownBy(() -> act(id, WorkflowAction.APPROVE, EDITOR))
			.hasMessage("You saved the latest revision, so someone else must approve it.");
		long mine = writtenBy(PUBLISHER, "Publisher's words");
		assertThatThrownBy(() -> act(mine, WorkflowAction.PUBLISH, PUBLISHER))
			.hasMessage("You saved the latest revision, so someone else must publish it.");
		assertThat(this.workflow.actionsFor(this.workflow.standing(mine).orElseThrow(), PUBLISHER))
			.contains(WorkflowAction.FORCE_PUBLISH)
			.doesNotContain(WorkflowAction.PUBLISH, WorkflowAction.SCHEDULE);
		// Someone else may.
		assertThat(act(mine, WorkflowAction.PUBLISH, SECOND_PUBLISHER).state()).isEqualTo(EditorialState.PUBLISHED);
	}

	@DatabaseTest
	void withoutTheTwoPersonRuleWritersPublishTheirOwnStories(Databases.Lazy db) {
		open(db, false);
		long mine = writtenBy(PUBLISHER, "Alone is fine");
		assertThat(act(mine, WorkflowAction.PUBLISH, PUBLISHER).state()).isEqualTo(EditorialState.PUBLISHED);
		assertThat(this.workflow.actionsFor(this.workflow.standing(mine).orElseThrow(), PUBLISHER))
			.doesNotContain(WorkflowAction.FORCE_PUBLISH);
	}

	@DatabaseTest
	void aForcePublishedStoryIsFlaggedUntilSomeoneElseConfirmsIt(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(PUBLISHER, "Emergency notice");
		assertThatThrownBy(() -> act(id, Transition.withComment(WorkflowAction.FORCE_PUBLISH, "  "), PUBLISHER))
			.isInstanceOf(InvalidContentException.class)
			.hasMessage("Say why this cannot wait for a second person.");
		ArticleStanding out = act(id, Transition.withComment(WorkflowAction.FORCE_PUBLISH, "Storm closes the port"),
				PUBLISHER);
		assertThat(out.isPublic(this.clock.instant())).isTrue();
		assertThat(out.secondApprovalDue()).isTrue();
		assertThat(this.workflow.awaitingSecondApproval(10)).extracting(QueuedStory::articleId).containsExactly(id);

		assertThatThrownBy(() -> act(id, WorkflowAction.CONFIRM, PUBLISHER))
			.hasMessage("A second approval must come from someone who neither wrote nor published it.");
		assertThat(act(id, WorkflowAction.CONFIRM, EDITOR).secondApprovalDue()).isFalse();
		assertThat(this.workflow.awaitingSecondApproval(10)).isEmpty();
		assertThat(this.workflow.events(id)).last().satisfies((event) -> {
			assertThat(event.action()).isEqualTo(WorkflowAction.CONFIRM);
			assertThat(event.actor()).isEqualTo(EDITOR.email());
		});
	}

	@DatabaseTest
	void aPublishedStoryKeepsServingItsPublishedRevisionWhileANewDraftIsWorkedOn(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Bridge opens");
		act(id, WorkflowAction.PUBLISH, PUBLISHER);
		this.stories.revise(id, "Bridge opens to trucks", "New body", EDITOR.email(), null);
		this.workflow.revised(id, EDITOR.email());

		ArticleStanding story = this.workflow.standing(id).orElseThrow();
		assertThat(story.state()).isEqualTo(EditorialState.DRAFT);
		assertThat(story.hasPendingDraft()).isTrue();
		assertThat(this.node.newsroom().story("bridge-opens").orElseThrow().title()).isEqualTo("Bridge opens");

		act(id, WorkflowAction.SUBMIT, EDITOR);
		// A major update needs its public note.
		assertThatThrownBy(() -> act(id, WorkflowAction.PUBLISH, PUBLISHER)).isInstanceOf(InvalidContentException.class)
			.hasMessage("A major update needs a public change note saying what changed.");
		reviseWithNote(id, "Bridge opens to trucks", "Added truck hours.", EDITOR);
		assertThat(this.workflow.standing(id).orElseThrow().state()).isEqualTo(EditorialState.IN_REVIEW);
		act(id, WorkflowAction.PUBLISH, PUBLISHER);
		assertThat(this.node.newsroom().story("bridge-opens").orElseThrow().title())
			.isEqualTo("Bridge opens to trucks");
	}

	@DatabaseTest
	void editingAnApprovedStoryVoidsTheApproval(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Approved then edited");
		act(id, WorkflowAction.SUBMIT, WRITER);
		act(id, WorkflowAction.APPROVE, EDITOR);
		this.stories.revise(id, "Approved, then edited", "Changed", EDITOR.email(), null);
		this.workflow.revised(id, EDITOR.email());
		assertThat(this.workflow.standing(id).orElseThrow().state()).isEqualTo(EditorialState.IN_REVIEW);
		assertThat(this.workflow.events(id)).last()
			.extracting(WorkflowEvent::action, WorkflowEvent::to)
			.containsExactly(WorkflowAction.EDIT, EditorialState.IN_REVIEW);
	}

	@DatabaseTest
	void schedulingInThePastIsRefused(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Too late");
		assertThatThrownBy(() -> act(id,
				Transition.scheduled(WorkflowAction.SCHEDULE, this.clock.instant().minusSeconds(60)), PUBLISHER))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsKey("releaseDate"))
			.hasMessage("The release time has passed. Choose a time in the future, or publish now.");
		assertThatThrownBy(
				() -> act(id, Transition.scheduled(WorkflowAction.SCHEDULE, this.clock.instant()), PUBLISHER))
			.isInstanceOf(InvalidContentException.class);
		assertThat(this.workflow.standing(id).orElseThrow().publishedRevisionId()).isNull();
	}

	@DatabaseTest
	void publishingNeedsABylineASummaryAndABody(Databases.Lazy db) {
		open(db, true);
		long id = this.content.createArticle("bare", new RevisionDraft(org.gazette.content.ArticleType.STATEMENT,
				"Bare statement", "A summary", null, "", List.of(), List.of(), ChangeKind.MINOR, null), WRITER.email());
		assertThatThrownBy(() -> act(id, WorkflowAction.PUBLISH, PUBLISHER))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsOnlyKeys("authorIds", "bodyMarkdown"))
			.hasMessageContaining("Add at least one byline before publishing.");
		assertThat(this.node.newsroom().story("bare")).isEmpty();
		assertThat(this.workflow.events(id)).isEmpty();
	}

	@DatabaseTest
	void aStepTakenOnAnOlderViewOfTheStoryIsRefused(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Stale page");
		int seen = this.workflow.standing(id).orElseThrow().version();
		act(id, WorkflowAction.SUBMIT, WRITER);
		assertThatThrownBy(() -> this.transactions
			.execute((status) -> this.workflow.apply(id, seen, Transition.of(WorkflowAction.APPROVE), EDITOR)))
			.isInstanceOf(WorkflowException.class)
			.hasMessageStartingWith("Someone changed this story since you opened it");
	}

	@DatabaseTest
	void twoPublishersPublishingAtOnceExactlyOneSucceeds(Databases.Lazy db) throws Exception {
		open(db, true);
		long id = writtenBy(WRITER, "Race");
		act(id, WorkflowAction.SUBMIT, WRITER);
		act(id, WorkflowAction.APPROVE, EDITOR);
		int version = this.workflow.standing(id).orElseThrow().version();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (Actor publisher : List.of(PUBLISHER, SECOND_PUBLISHER)) {
				Callable<String> publish = () -> {
					start.await();
					try {
						this.transactions.execute((status) -> this.workflow.apply(id, version,
								Transition.of(WorkflowAction.PUBLISH), publisher));
						return "published";
					}
					catch (WorkflowException ex) {
						return ex.getMessage();
					}
				};
				outcomes.add(pool.submit(publish));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("published");
			assertThat(results).anySatisfy((message) -> assertThat(message).isNotEqualTo("published"));
		}
		finally {
			pool.shutdownNow();
		}
		long publications = db.get()
			.jdbc()
			.sql("select count(*) from publication where article_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(publications).isEqualTo(1);
	}

	@DatabaseTest
	void aScheduledReleaseCanMoveOrBeCalledOff(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Moving date");
		Instant first = this.clock.instant().plus(Duration.ofDays(1));
		act(id, Transition.scheduled(WorkflowAction.SCHEDULE, first), PUBLISHER);
		assertThatThrownBy(
				() -> act(id, Transition.scheduled(WorkflowAction.SCHEDULE, first.plusSeconds(60)), PUBLISHER))
			.hasMessage("This story is already scheduled; change its release time instead.");
		Instant later = first.plus(Duration.ofHours(2));
		assertThat(act(id, Transition.scheduled(WorkflowAction.RESCHEDULE, later), PUBLISHER).releaseAt())
			.isEqualTo(later);
		this.clock.set(first);
		assertThat(this.node.newsroom().story("moving-date")).isEmpty();

		ArticleStanding calledOff = act(id, WorkflowAction.UNSCHEDULE, PUBLISHER);
		assertThat(calledOff.state()).isEqualTo(EditorialState.APPROVED);
		assertThat(calledOff.publishedRevisionId()).isNull();
		this.clock.set(later);
		assertThat(this.node.newsroom().story("moving-date")).isEmpty();

		// Released now instead: its first publication is now, not the old schedule.
		ArticleStanding now = act(id, WorkflowAction.PUBLISH, PUBLISHER);
		assertThat(now.firstPublishedAt()).isEqualTo(this.clock.instant());
	}

	@DatabaseTest
	void aLiveStoryIsTakenDownAndAnArchivedOneCannotBeSaved(Databases.Lazy db) {
		open(db, true);
		long id = writtenBy(WRITER, "Taken down");
		act(id, WorkflowAction.PUBLISH, PUBLISHER);
		assertThatThrownBy(() -> act(id,
				Transition.scheduled(WorkflowAction.SCHEDULE, this.clock.instant().plusSeconds(600)), PUBLISHER))
			.hasMessage("This story is live: publish the update now, or take the story down first.");
		assertThat(act(id, WorkflowAction.UNPUBLISH, PUBLISHER).state()).isEqualTo(EditorialState.UNPUBLISHED);
		assertThat(this.node.newsroom().story("taken-down")).isEmpty();
		act(id, WorkflowAction.ARCHIVE, PUBLISHER);
		assertThatThrownBy(() -> this.workflow.checkEditable(id)).isInstanceOf(WorkflowException.class)
			.hasMessageStartingWith("This story is archived");
	}

	private void reviseWithNote(long id, String title, String note, Actor by) {
		RevisionDraft working = this.content.workingRevision(id).orElseThrow().toDraft();
		this.content.revise(
				id, new RevisionDraft(working.type(), title, working.summary(), working.dateline(),
						working.bodyMarkdown(), working.authorIds(), working.topicIds(), ChangeKind.MAJOR, note),
				by.email());
		this.workflow.revised(id, by.email());
	}

	/** Addresses as the demo makes them. */
	private static final class Slug {

		static String of(String title) {
			return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		}

	}

}
