package org.gazette.content;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import org.gazette.content.DiffSegment.Kind;
import org.gazette.media.MediaDetails;
import org.gazette.media.MediaLibrary;
import org.gazette.media.TestMedia;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;
import org.gazette.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comparing two revisions, or two drafts, field by field, on H2 and on PostgreSQL. */
class ComparisonTests {

	private final MutableClock clock = new MutableClock();

	@DatabaseTest
	void comparesAnyTwoRevisionsFieldByField(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		Author ann = content.createAuthor(new NewAuthor("ann-lee", "Ann Lee", null, null));
		Topic trade = content.createTopic(new NewTopic("trade", "Trade", null));
		Topic ports = content.createTopic(new NewTopic("ports", "Ports", null));
		long id = content
			.createArticle(null,
					new RevisionDraft(ArticleType.NEWS_RELEASE, "Lanes Open", "Summary.", "LAREDO, Texas",
							"Four lanes open.", List.of(jane.id()), List.of(trade.id()), ChangeKind.MAJOR, null),
					"writer");
		content.revise(id, 1,
				new RevisionDraft(ArticleType.STATEMENT, "Lanes Open", "Summary.", null, "Five lanes open.",
						List.of(ann.id(), jane.id()), List.of(ports.id(), trade.id()), ChangeKind.MINOR, null),
				"editor");
		content.revise(id, 2,
				new RevisionDraft(ArticleType.STATEMENT, "Lanes Open", "Summary.", null, "Five lanes open.",
						List.of(ann.id(), jane.id()), List.of(trade.id(), ports.id()), ChangeKind.MINOR, "Tidied"),
				"editor");

		RevisionDiff diff = content.compare(id, 1, 2);
		assertThat(diff.fields()).extracting(FieldDiff::field)
			.containsExactly("type", "title", "summary", "dateline", "bylines", "topics", "body", "hero", "documents");
		assertThat(diff.changes()).extracting(FieldDiff::field)
			.containsExactly("type", "dateline", "bylines", "topics", "body");
		assertThat(diff.field("type").orElseThrow().segments())
			.containsExactly(new DiffSegment(Kind.REMOVED, "news-release"), new DiffSegment(Kind.ADDED, "statement"));
		assertThat(diff.field("dateline").orElseThrow().before()).isEqualTo("LAREDO, Texas");
		assertThat(diff.field("dateline").orElseThrow().after()).isEmpty();
		assertThat(diff.field("bylines").orElseThrow().segments())
			.containsExactly(new DiffSegment(Kind.ADDED, "Ann Lee, "), new DiffSegment(Kind.UNCHANGED, "Jane Doe"));
		assertThat(diff.field("topics").orElseThrow().after()).isEqualTo("Ports, Trade");
		assertThat(diff.field("body").orElseThrow().segments()).containsExactly(new DiffSegment(Kind.REMOVED, "Four"),
				new DiffSegment(Kind.ADDED, "Five"), new DiffSegment(Kind.UNCHANGED, " lanes open."));
		// Newer first works too, and topics in another order are no change.
		assertThat(content.compare(id, 2, 1).field("body").orElseThrow().after()).isEqualTo("Four lanes open.");
		assertThat(content.compare(id, 2, 3).changed()).isFalse();

		assertThatThrownBy(() -> content.compare(id, 1, 4)).isInstanceOf(UnknownContentException.class)
			.hasMessage("Story " + id + " has no revision 4.");
		assertThatThrownBy(() -> content.compare(404, 1, 2)).isInstanceOf(UnknownContentException.class);
	}

	@DatabaseTest
	void comparesUnsavedDraftsNamingMergedAndUnknownAuthors(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		Author duplicate = content.createAuthor(new NewAuthor("j-doe", "J. Doe", null, null));
		content.mergeAuthor(duplicate.id(), jane.id());
		RevisionDraft theirs = new RevisionDraft(ArticleType.NEWS_RELEASE, "Title", "Summary.", null, "Body.",
				List.of(duplicate.id()), List.of(), null, null);
		RevisionDraft mine = new RevisionDraft(ArticleType.NEWS_RELEASE, "Title", "Summary.", null, "Body.",
				List.of(jane.id(), 999L), List.of(), null, null);
		assertThat(content.compare(theirs, mine).field("bylines").orElseThrow().segments()).containsExactly(
				new DiffSegment(Kind.UNCHANGED, "Jane Doe"), new DiffSegment(Kind.ADDED, ", unknown author 999"));
	}

	@DatabaseTest
	void comparesTheHeroImageAndDocumentsByTitleAndNumber(Databases.Lazy db) {
		MediaLibrary library = TestMedia.library(db.get().jdbc(), this.clock,
				Path.of(System.getProperty("java.io.tmpdir"), "gazette-test-media"));
		long first = upload(library, "dusk.png", TestImages.png(64, 32), "Bridge");
		// Same title, another item: swapping one for the other is a change.
		long second = upload(library, "dawn.png", TestImages.png(64, 32), "Bridge");
		long facts = upload(library, "facts.pdf", TestImages.pdf(), "Fact sheet");
		long map = upload(library, "map.pdf", TestImages.pdf(), "Route map");
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		RevisionDraft before = new RevisionDraft(ArticleType.NEWS_RELEASE, "Title", "Summary.", null, "Body.",
				List.of(), List.of(), null, null)
			.withHeroMediaId(first)
			.withDocumentIds(List.of(facts));
		RevisionDraft after = before.withHeroMediaId(second).withDocumentIds(List.of(facts, map, 999L));

		RevisionDiff diff = content.compare(before, after);
		assertThat(diff.changes()).extracting(FieldDiff::field).containsExactly("hero", "documents");
		assertThat(diff.field("hero").orElseThrow().before()).isEqualTo("Bridge (item " + first + ")");
		assertThat(diff.field("hero").orElseThrow().after()).isEqualTo("Bridge (item " + second + ")");
		assertThat(diff.field("documents").orElseThrow().segments()).containsExactly(
				new DiffSegment(Kind.UNCHANGED, "Fact sheet (item " + facts + ")"),
				new DiffSegment(Kind.ADDED, ", Route map (item " + map + "), deleted media item 999"));
		assertThat(content.compare(after, before.withHeroMediaId(null)).field("hero").orElseThrow().after()).isEmpty();
	}

	private static long upload(MediaLibrary library, String name, byte[] file, String title) {
		return library
			.upload(System.nanoTime() + "-" + name, new ByteArrayInputStream(file),
					new MediaDetails(title, "A test item.", false, "", ""), "tester", null)
			.asset()
			.id();
	}

}
