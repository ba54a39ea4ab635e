package org.gazette.content;

import java.util.List;

import org.gazette.support.Databases;
import org.gazette.support.DatabaseTest;
import org.gazette.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Content and its repositories, on H2 and on PostgreSQL. */
class ContentTests {

	private final MutableClock clock = new MutableClock();

	@DatabaseTest
	void savesAuthorsAndTopicsAndFindsThemBySlug(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		Author jane = content
			.createAuthor(new NewAuthor("jane-doe", " Jane Doe ", "Press Secretary", "Jane *writes*."));
		content.createTopic(new NewTopic("trade", "Trade", "Imports and exports."));
		assertThat(content.authorBySlug("jane-doe")).contains(jane);
		assertThat(jane.name()).isEqualTo("Jane Doe");
		assertThat(jane.bioHtml()).isEqualTo("<p>Jane <em>writes</em>.</p>\n");
		assertThat(content.topicBySlug("trade")).get().extracting(Topic::name).isEqualTo("Trade");
		assertThat(content.authorBySlug("nobody")).isEmpty();
		assertThat(content.authorBySlug("../x")).isEmpty();
	}

	@DatabaseTest
	void refusesBadAuthorsWithEveryProblemAtOnceAndStoresNothing(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		assertThatThrownBy(() -> content.createAuthor(new NewAuthor("Bad Slug!", "", "x".repeat(201), "\u0000")))
			.isInstanceOfSatisfying(InvalidContentException.class, (ex) -> assertThat(ex.problems()).containsExactly(
					"Name is required.", "Job title is longer than 200 characters.",
					"Biography contains control characters.",
					"The address must be lower-case letters, digits and single hyphens, at most 120 characters."));
		assertThatThrownBy(() -> content.createAuthor(new NewAuthor("jane-doe", "Another Jane", null, null)))
			.hasMessageContaining("already uses the address jane-doe");
		assertThatThrownBy(() -> content.createTopic(new NewTopic("trade", "Line\nbreak", null)))
			.hasMessageContaining("Name must be a single line of text.");
		assertThat(content.authors()).hasSize(1);
		assertThat(content.topics()).isEmpty();
	}

	@DatabaseTest
	void everySaveIsANewImmutableRevision(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		Author ann = content.createAuthor(new NewAuthor("ann-lee", "Ann Lee", null, null));
		Topic trade = content.createTopic(new NewTopic("trade", "Trade", null));
		RevisionDraft first = new RevisionDraft(ArticleType.NEWS_RELEASE, "Lanes Open", "Four lanes open.",
				"LAREDO, Texas", "The lanes opened **today**.", List.of(ann.id(), jane.id()), List.of(trade.id()),
				ChangeKind.MAJOR, null);
		long article = content.createArticle(null, first, "editor@example.gov");
		Revision one = content.workingRevision(article).orElseThrow();
		long secondId = content.revise(article,
				new RevisionDraft(ArticleType.NEWS_RELEASE, "Four Lanes Open", "Four lanes open.", "LAREDO, Texas",
						"The lanes opened **today**.", List.of(jane.id()), List.of(), ChangeKind.MINOR, null),
				"chief@example.gov");
		Revision two = content.workingRevision(article).orElseThrow();

		assertThat(content.articleIdBySlug("lanes-open")).contains(article);
		assertThat(one.number()).isEqualTo(1);
		assertThat(one.bodyHtml()).isEqualTo("<p>The lanes opened <strong>today</strong>.</p>\n");
		assertThat(one.authorIds()).containsExactly(ann.id(), jane.id());
		assertThat(one.dateline()).isEqualTo("LAREDO, Texas");
		assertThat(two.id()).isEqualTo(secondId);
		assertThat(two.number()).isEqualTo(2);
		assertThat(two.title()).isEqualTo("Four Lanes Open");
		assertThat(two.createdBy()).isEqualTo("chief@example.gov");
		// The first revision is untouched.
		assertThat(content.revision(one.id())).contains(one);
	}

	@DatabaseTest
	void aBodyRenderedAheadIsSavedAsASaveWouldRenderItAndOnlyForItsOwnMarkdown(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		Author jane = content.createAuthor(new NewAuthor("jane-doe", "Jane Doe", null, null));
		RevisionDraft draft = new RevisionDraft(ArticleType.NEWS_RELEASE, "Lanes Open", "Four lanes open.", null,
				"The lanes opened **today**. <script>alert(1)</script>", List.of(jane.id()), List.of(),
				ChangeKind.MAJOR, null);
		RenderedBody ahead = content.render(draft.bodyMarkdown()).orElseThrow();
		long article = content.createStory("lanes-open", draft, ahead, "import").articleId();
		assertThat(content.workingRevision(article).orElseThrow().bodyHtml())
			.isEqualTo("<p>The lanes opened <strong>today</strong>. </p>\n");
		// A rendering of other Markdown is not taken for this draft's: the save renders.
		RevisionDraft changed = new RevisionDraft(ArticleType.NEWS_RELEASE, "Lanes Open", "Four lanes open.", null,
				"Now *five* lanes.", List.of(jane.id()), List.of(), ChangeKind.MINOR, null);
		content.revise(article, changed, ahead, "import");
		assertThat(content.workingRevision(article).orElseThrow().bodyHtml())
			.isEqualTo("<p>Now <em>five</em> lanes.</p>\n");
		// A body a save would refuse is not rendered ahead: the save says why.
		assertThat(content.render("x".repeat(ContentRules.BODY_MAX + 1))).isEmpty();
		assertThat(content.render("bell \u0007")).isEmpty();
	}

	@DatabaseTest
	void aRevisionThatKeepsTheBodyDoesNotStoreItAgain(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		RevisionRepository revisions = new RevisionRepository(db.get().jdbc());
		String body = "A long body. ".repeat(5_000);
		long article = content.createArticle("story", draft("Title one", body), "editor");
		content.revise(article, draft("Title two", body), "editor");
		content.revise(article, draft("Title three", body), "editor");
		assertThat(revisions.bodyCount()).isEqualTo(1);
		content.revise(article, draft("Title three", body + " More."), "editor");
		assertThat(revisions.bodyCount()).isEqualTo(2);
		assertThat(content.workingRevision(article).orElseThrow().number()).isEqualTo(4);
	}

	@DatabaseTest
	void makesUniqueSlugsFromTitlesAndRefusesTakenOnes(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		long first = content.createArticle(null, draft("Ports Reopen", "Body."), "editor");
		long second = content.createArticle(null, draft("Ports reopen", "Body."), "editor");
		assertThat(content.articleIdBySlug("ports-reopen")).contains(first);
		assertThat(content.articleIdBySlug("ports-reopen-2")).contains(second);
		assertThatThrownBy(() -> content.createArticle("ports-reopen", draft("Other", "Body."), "editor"))
			.hasMessageContaining("Another story already uses the address ports-reopen.");
		assertThatThrownBy(() -> content.createArticle("Not A Slug", draft("Other", "Body."), "editor"))
			.isInstanceOf(InvalidContentException.class);
	}

	@DatabaseTest
	void refusesBadDraftsWithEveryProblemAtOnce(Databases.Lazy db) {
		Content content = TestContent.content(db.get().jdbc(), this.clock);
		RevisionDraft bad = new RevisionDraft(null, "  ", "x".repeat(1001), "Line\rbreak", "bad \u0007 bell",
				List.of(404L), List.of(405L), null, null);
		assertThatThrownBy(() -> content.createArticle(null, bad, "editor")).isInstanceOfSatisfying(
				InvalidContentException.class,
				(ex) -> assertThat(ex.problems()).containsExactly("Choose the kind of story.", "Title is required.",
						"Summary is longer than 1000 characters.", "Dateline must be a single line of text.",
						"Body contains control characters; paste it as plain text.",
						"The byline names an author who does not exist.", "A topic does not exist."));
		assertThatThrownBy(() -> content.revise(999, draft("Title", "Body"), "editor"))
			.hasMessageContaining("There is no story 999.");
		assertThat(content.isEmpty()).isTrue();
	}

	private static RevisionDraft draft(String title, String body) {
		return new RevisionDraft(ArticleType.FEATURE_STORY, title, "Summary.", null, body, List.of(), List.of(),
				ChangeKind.MINOR, null);
	}

}
