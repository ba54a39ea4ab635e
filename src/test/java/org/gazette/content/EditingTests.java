package org.gazette.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gazette.publishing.TestPublishing;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Saving in the editor: optimistic locking, address changes, revision history and
 * restore, on H2 and on PostgreSQL.
 */
class EditingTests {

	private final MutableClock clock = new MutableClock();

	private Content content;

	private TestPublishing publishing;

	private Author jane;

	private Author ann;

	private void open(Databases.Lazy db) {
		this.content = TestContent.content(db.get().jdbc(), this.clock);
		this.publishing = new TestPublishing(db.get().jdbc(), this.content, this.clock);
		this.jane = this.content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		this.ann = this.content.createAuthor(new NewAuthor("ann-lee", "Ann Lee", null, null));
	}

	@DatabaseTest
	void opensAStoryForEditingWithItsVersion(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle("lanes-open", draft("Lanes Open", "Body."), "writer");
		EditableArticle article = this.content.editable(id).orElseThrow();
		assertThat(article.slug()).isEqualTo("lanes-open");
		assertThat(article.state()).isEqualTo("draft");
		assertThat(article.version()).isEqualTo(1);
		assertThat(article.workingRevision().title()).isEqualTo("Lanes Open");
		assertThat(article.workingRevision().createdBy()).isEqualTo("writer");
		assertThat(article.publishedRevisionId()).isNull();
		assertThat(article.releaseAt()).isNull();
		assertThat(article.slugEditable()).isTrue();

		this.publishing.publishing().publish(id, null);
		EditableArticle published = this.content.editable(id).orElseThrow();
		assertThat(published.version()).isEqualTo(2);
		assertThat(published.publishedRevisionId()).isEqualTo(article.workingRevision().id());
		assertThat(published.releaseAt()).isEqualTo(this.clock.instant());
		assertThat(published.slugEditable()).isFalse();
		assertThat(this.content.editable(404)).isEmpty();
	}

	@DatabaseTest
	void aSaveAtTheCurrentVersionMovesTheVersion(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle(null, draft("Lanes Open", "Body."), "writer");
		SavedRevision saved = this.content.revise(id, 1, draft("Lanes Open Today", "Body.").withMessage("Sharper"),
				"editor");
		assertThat(saved.number()).isEqualTo(2);
		assertThat(saved.version()).isEqualTo(2);
		assertThat(
				this.content.revise(id, saved.version(), draft("Lanes Open Today", "Body. More."), "editor").version())
			.isEqualTo(3);
		assertThat(this.content.workingRevision(id).orElseThrow().number()).isEqualTo(3);
		assertThat(this.content.revision(id, 2).orElseThrow().message()).isEqualTo("Sharper");
	}

	@DatabaseTest
	void theSecondOfTwoSavesFromTheSameVersionIsAConflictAndStoresNothing(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle(null, draft("Lanes Open", "Four lanes open."), "writer");
		int opened = this.content.editable(id).orElseThrow().version();
		this.clock.advance(Duration.ofMinutes(3));
		Instant theirSave = this.clock.instant();
		this.content.revise(id, opened, draft("Lanes Open", "Four new lanes open."), "ann@example.gov");
		this.clock.advance(Duration.ofMinutes(1));
		RevisionDraft mine = draft("Lanes Open", "Four lanes opened today.");

		assertThatThrownBy(() -> this.content.revise(id, opened, mine, "jane@example.gov"))
			.isInstanceOfSatisfying(EditConflictException.class, (conflict) -> {
				assertThat(conflict.expectedVersion()).isEqualTo(opened);
				assertThat(conflict.current().version()).isEqualTo(opened + 1);
				assertThat(conflict.theirs().createdBy()).isEqualTo("ann@example.gov");
				assertThat(conflict.theirs().createdAt()).isEqualTo(theirSave);
				assertThat(conflict.theirs().bodyMarkdown()).isEqualTo("Four new lanes open.");
				assertThat(conflict.attempted()).isEqualTo(mine);
				RevisionDiff diff = this.content.compare(conflict.theirs().toDraft(), conflict.attempted());
				assertThat(diff.changes()).extracting(FieldDiff::field).containsExactly("body");
				assertThat(diff.field("body").orElseThrow().segments()).containsExactly(
						new DiffSegment(DiffSegment.Kind.UNCHANGED, "Four "),
						new DiffSegment(DiffSegment.Kind.REMOVED, "new "),
						new DiffSegment(DiffSegment.Kind.UNCHANGED, "lanes "),
						new DiffSegment(DiffSegment.Kind.REMOVED, "open"),
						new DiffSegment(DiffSegment.Kind.ADDED, "opened today"),
						new DiffSegment(DiffSegment.Kind.UNCHANGED, "."));
			});
		assertThat(this.content.history(id)).hasSize(2);
		assertThat(this.content.workingRevision(id).orElseThrow().createdBy()).isEqualTo("ann@example.gov");
	}

	@DatabaseTest
	void publishingMovesTheVersionSoAnOpenFormCannotOverwriteUnseen(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle(null, draft("Lanes Open", "Body."), "writer");
		this.publishing.publishing().publish(id, null);
		assertThatThrownBy(() -> this.content.revise(id, 1, draft("Lanes Open", "Body!"), "editor"))
			.isInstanceOf(EditConflictException.class);
		assertThat(this.content.revise(id, 2, draft("Lanes Open", "Body!"), "editor").number()).isEqualTo(2);
	}

	@DatabaseTest
	void aDraftChangesItsAddressWithTheSameSave(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle("lanes-open", draft("Lanes Open", "Body."), "writer");
		this.content.createArticle("taken", draft("Other", "Body."), "writer");
		SavedRevision saved = this.content.revise(id, 1, "four-lanes-open", draft("Four Lanes Open", "Body."),
				"editor");
		assertThat(this.content.editable(id).orElseThrow().slug()).isEqualTo("four-lanes-open");
		assertThat(this.content.articleIdBySlug("lanes-open")).isEmpty();
		// The same address again, or none, leaves it as it is.
		this.content.revise(id, saved.version(), "four-lanes-open", draft("Four Lanes Open", "Body 2."), "editor");
		this.content.revise(id, saved.version() + 1, null, draft("Four Lanes Open", "Body 3."), "editor");
		assertThat(this.content.articleIdBySlug("four-lanes-open")).contains(id);

		int version = this.content.editable(id).orElseThrow().version();
		assertThatThrownBy(() -> this.content.revise(id, version, "taken", draft("Four Lanes Open", "Body."), "editor"))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.byField())
				.containsExactly(entry("slug", List.of("Another story already uses the address taken."))));
		// Every problem at once, each next to its field.
		assertThatThrownBy(() -> this.content.revise(id, version, "Not a slug", draft(" ", "Body."), "editor"))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsOnlyKeys("slug", "title"));
		assertThat(this.content.editable(id).orElseThrow().version()).isEqualTo(version);
	}

	@DatabaseTest
	void aPublishedStoryKeepsItsAddress(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle("lanes-open", draft("Lanes Open", "Body."), "writer");
		this.publishing.publishing().publish(id, null);
		assertThatThrownBy(() -> this.content.revise(id, 2, "new-address", draft("Lanes Open", "Body."), "editor"))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsExactly(entry("slug",
							List.of("A published story's address is changed on its own page, not with a save."))));
		assertThat(this.content.articleIdBySlug("lanes-open")).contains(id);
	}

	@DatabaseTest
	void badInputNamesItsField(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle(null, draft("Lanes Open", "Body."), "writer");
		RevisionDraft bad = new RevisionDraft(null, "", "Summary.", null, "Body.", List.of(this.jane.id(), 404L),
				List.of(405L), null, null, "two\nlines");
		assertThatThrownBy(() -> this.content.revise(id, 1, bad, "editor"))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> {
				assertThat(ex.byField()).containsExactly(entry("type", List.of("Choose the kind of story.")),
						entry("title", List.of("Title is required.")),
						entry("authorIds", List.of("The byline names an author who does not exist.")),
						entry("topicIds", List.of("A topic does not exist.")),
						entry("message", List.of("Message must be a single line of text.")));
				assertThat(ex.problems()).hasSize(5);
			});
		assertThatThrownBy(() -> this.content.revise(999, 1, draft("Title", "Body"), "editor"))
			.isInstanceOf(UnknownContentException.class)
			.hasMessage("There is no story 999.");
		assertThatThrownBy(() -> this.content.revise(999, draft("Title", "Body"), "editor"))
			.isInstanceOf(UnknownContentException.class);
	}

	@DatabaseTest
	void historyListsEveryRevisionNewestFirst(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle(null, draft("One", "Body."), "writer");
		this.publishing.publishing().publish(id, null);
		this.clock.advance(Duration.ofHours(1));
		this.content.revise(id, 2, draft("Two", "Body.").withMessage("New title"), "editor");

		List<RevisionSummary> history = this.content.history(id);
		assertThat(history).extracting(RevisionSummary::number).containsExactly(2, 1);
		assertThat(history.get(0).message()).isEqualTo("New title");
		assertThat(history.get(0).createdBy()).isEqualTo("editor");
		assertThat(history.get(0).createdAt()).isEqualTo(this.clock.instant());
		assertThat(history.get(0).working()).isTrue();
		assertThat(history.get(0).published()).isFalse();
		assertThat(history.get(1).message()).isNull();
		assertThat(history.get(1).working()).isFalse();
		assertThat(history.get(1).published()).isTrue();
		assertThatThrownBy(() -> this.content.history(404)).isInstanceOf(UnknownContentException.class);
		assertThat(this.content.revision(id, 3)).isEmpty();
	}

	@DatabaseTest
	void restoringCopiesAnOldRevisionIntoANewOne(Databases.Lazy db) {
		open(db);
		long id = this.content.createArticle(null,
				new RevisionDraft(ArticleType.STATEMENT, "One", "First.", "LAREDO, Texas", "First body.",
						List.of(this.jane.id(), this.ann.id()), List.of(), ChangeKind.MAJOR, "Note."),
				"writer");
		this.content.revise(id, 1, draft("Two", "Second body."), "editor");
		Revision one = this.content.revision(id, 1).orElseThrow();

		SavedRevision restored = this.content.restore(id, 1, "chief", 2);
		Revision three = this.content.revision(restored.revisionId()).orElseThrow();
		assertThat(three.number()).isEqualTo(3);
		assertThat(three.createdBy()).isEqualTo("chief");
		assertThat(three.message()).isEqualTo("Restored revision 1.");
		assertThat(three.toDraft().withMessage(null)).isEqualTo(one.toDraft());
		assertThat(three.bodyHtml()).isEqualTo(one.bodyHtml());
		assertThat(this.content.compare(id, 1, 3).changed()).isFalse();
		assertThat(this.content.revision(id, 1)).contains(one);
		assertThat(restored.version()).isEqualTo(3);

		assertThatThrownBy(() -> this.content.restore(id, 1, "chief", 2)).isInstanceOf(EditConflictException.class);
		assertThatThrownBy(() -> this.content.restore(id, 9, "chief", 3)).isInstanceOf(UnknownContentException.class)
			.hasMessage("Story " + id + " has no revision 9.");
		assertThatThrownBy(() -> this.content.restore(404, 1, "chief", 1)).isInstanceOf(UnknownContentException.class);
		assertThat(this.content.history(id)).hasSize(3);
	}

	@DatabaseTest
	void restoringARevisionThatCreditsAMergedAuthorCreditsTheSurvivor(Databases.Lazy db) {
		open(db);
		Author duplicate = this.content.createAuthor(new NewAuthor("j-doe", "J. Doe", null, null));
		long id = this.content.createArticle(null, new RevisionDraft(ArticleType.NEWS_RELEASE, "One", "First.", null,
				"Body.", List.of(duplicate.id(), this.ann.id()), List.of(), ChangeKind.MINOR, null), "writer");
		this.content.revise(id, 1, draft("Two", "Body."), "editor");
		this.content.mergeAuthor(duplicate.id(), this.jane.id());

		this.content.restore(id, 1, "chief", 2);
		assertThat(this.content.workingRevision(id).orElseThrow().authorIds()).containsExactly(this.jane.id(),
				this.ann.id());
		// The old revision still credits the duplicate, as it was saved.
		assertThat(this.content.revision(id, 1).orElseThrow().authorIds()).containsExactly(duplicate.id(),
				this.ann.id());
	}

	private static RevisionDraft draft(String title, String body) {
		return new RevisionDraft(ArticleType.FEATURE_STORY, title, "Summary.", null, body, List.of(), List.of(),
				ChangeKind.MINOR, null);
	}

}
