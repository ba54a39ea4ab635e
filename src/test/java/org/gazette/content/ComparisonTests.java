package org.gazette.content;

import java.util.List;

import org.gazette.content.DiffSegment.Kind;
import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;

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
			.containsExactly("type", "title", "summary", "dateline", "bylines", "topics", "body");
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

}
