package org.gazette.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gazette.platform.SiteDates;
import org.gazette.accounts.Role;
import org.gazette.audit.TestAudit;
import org.gazette.content.Content;
import org.gazette.content.TestContent;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stories brought in by an import, on H2 and PostgreSQL: a backdated one keeps its old
 * release instant without release work meant for news (no subscriber email for a story
 * from 2019), a scheduled one gets its work at its own instant, and both leave the usual
 * records with the importing person's name.
 */
class ImportedPublicationTests {

	private static final Actor IMPORTER = new Actor("import", Role.ADMIN);

	private final MutableClock clock = new MutableClock();

	private final List<PublicationKind> wanted = new CopyOnWriteArrayList<>();

	private TestDatabase db;

	private Stories stories;

	private Workflow workflow;

	private Newsroom newsroom;

	private void open(Databases.Lazy lazy, ReleaseTaskHandler... more) {
		this.db = lazy.get();
		Content content = TestContent.content(this.db.jdbc(), this.clock);
		ReleaseTaskHandler emails = new ReleaseTaskHandler() {
			@Override
			public String kind() {
				return "subscriber-email";
			}

			@Override
			public void run(ReleaseTask task) {
				ImportedPublicationTests.this.wanted.add(task.publicationKind());
			}
		};
		List<ReleaseTaskHandler> all = new ArrayList<>(List.of(new ReleaseRecordHandler(
				TestAudit.auditLog(this.db.jdbc(), this.clock), SiteDates.in(ZoneId.of("UTC"))), emails));
		all.addAll(List.of(more));
		ReleaseTaskHandlers handlers = ReleaseTaskHandlers.of(all.toArray(ReleaseTaskHandler[]::new));
		TestPublishing node = new TestPublishing(this.db.jdbc(), content, this.clock, handlers, (event) -> {
		});
		this.workflow = node.workflow(false);
		this.newsroom = node.newsroom();
		this.stories = new Stories(content, node.publishing());
	}

	@DatabaseTest
	void aBackdatedImportIsPublicAtItsOldDateWithNoReleaseWork(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("From the archive").by(this.stories.author("Jane Doe")).draft();
		Instant then = Instant.parse("2019-05-14T13:45:00Z");
		this.workflow.imported(id, EditorialState.PUBLISHED, then, IMPORTER, "Imported from old site, item 12");
		assertThat(this.newsroom.story("from-the-archive").orElseThrow().releaseAt()).isEqualTo(then);
		assertThat(count("select count(*) from release_task")).isZero();
		assertThat(this.db.jdbc()
			.sql("select count(*) from publication where article_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.workflow.events(id)).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo(WorkflowAction.PUBLISH);
			assertThat(event.actor()).isEqualTo("import");
		});
		assertThat(count("select count(*) from audit_event where actor = 'import' and action = 'story.import'"))
			.isEqualTo(1);
	}

	@DatabaseTest
	void aScheduledImportGetsItsReleaseWorkAtItsOwnInstant(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("Coming soon").by(this.stories.author("Jane Doe")).draft();
		Instant release = this.clock.instant().plus(Duration.ofDays(3));
		this.workflow.imported(id, EditorialState.PUBLISHED, release, IMPORTER, "Imported, item 13");
		assertThat(this.newsroom.story("coming-soon")).isEmpty();
		assertThat(this.db.jdbc()
			.sql("select publication_kind from release_task where kind = 'subscriber-email'")
			.query(String.class)
			.list()).containsExactly("first-release");
		assertThat(this.workflow.events(id)).singleElement()
			.satisfies((event) -> assertThat(event.action()).isEqualTo(WorkflowAction.SCHEDULE));
	}

	@DatabaseTest
	void anImportNeedsThePublishersRoleToPublishAndADraftStaysADraft(Databases.Lazy lazy) {
		open(lazy);
		long id = this.stories.story("Pending").by(this.stories.author("Jane Doe")).draft();
		assertThatExceptionOfType(WorkflowForbiddenException.class).isThrownBy(
				() -> this.workflow.imported(id, EditorialState.PUBLISHED, Instant.parse("2019-05-14T13:45:00Z"),
						new Actor("writer@example.gov", Role.CONTRIBUTOR), "Imported"));
		this.workflow.imported(id, EditorialState.IN_REVIEW, null, IMPORTER, "Imported");
		assertThat(this.workflow.standing(id).orElseThrow().state()).isEqualTo(EditorialState.IN_REVIEW);
		assertThat(this.workflow.events(id)).extracting(WorkflowEvent::action).containsExactly(WorkflowAction.SUBMIT);
	}

	@DatabaseTest
	void aHandlerThatAsksForImportsGetsThem(Databases.Lazy lazy) {
		ReleaseTaskHandler archive = new ReleaseTaskHandler() {
			@Override
			public String kind() {
				return "archive-copy";
			}

			@Override
			public boolean wants(PublicationKind publication) {
				return true;
			}

			@Override
			public void run(ReleaseTask task) {
			}
		};
		open(lazy, archive);
		long id = this.stories.story("Old news").by(this.stories.author("Jane Doe")).draft();
		this.workflow.imported(id, EditorialState.PUBLISHED, Instant.parse("2019-05-14T13:45:00Z"), IMPORTER,
				"Imported");
		assertThat(this.db.jdbc()
			.sql("select kind || ':' || publication_kind from release_task")
			.query(String.class)
			.list()).containsExactly("archive-copy:import");
	}

	private long count(String sql) {
		return this.db.jdbc().sql(sql).query(Long.class).single();
	}

}
