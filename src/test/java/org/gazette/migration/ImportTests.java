package org.gazette.migration;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.gazette.content.ArticleType;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.RevisionDraft;
import org.gazette.content.TestContent;
import org.gazette.publishing.EditorialState;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.TestPublishing;
import org.gazette.publishing.Workflow;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;
import org.gazette.support.TestDatabase;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Importing WordPress exports and feeds on H2 and PostgreSQL: what each item becomes, how
 * a second run behaves, and that a broken or stopped import leaves whole batches only.
 */
class ImportTests {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	private static final String SITE = "https://old.example.gov";

	private final MutableClock clock = new MutableClock();

	private TestDatabase db;

	private Content content;

	private TestPublishing node;

	private Workflow workflow;

	private Importer importer;

	private void open(Databases.Lazy lazy) {
		this.db = lazy.get();
		this.content = TestContent.content(this.db.jdbc(), this.clock);
		this.node = new TestPublishing(this.db.jdbc(), this.content, this.clock);
		this.workflow = this.node.workflow(false);
		this.importer = new Importer(new ItemImport(this.content, this.workflow, this.node.redirects(),
				new ImportRepository(this.db.jdbc()), this.clock),
				new DataSourceTransactionManager(this.db.dataSource()));
	}

	private ImportReport run(Wxr wxr) {
		return run(wxr, options());
	}

	private ImportReport run(Wxr wxr, ImportOptions options) {
		return run(wxr.xml(), options);
	}

	private ImportReport run(String xml, ImportOptions options) {
		try (WxrReader reader = new WxrReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), ZONE,
				1_000_000)) {
			return this.importer.run(reader, options, Progress.silent());
		}
	}

	private static ImportOptions options() {
		return ImportOptions.defaults("Newsroom staff");
	}

	@DatabaseTest
	void aPublishedPostBecomesABackdatedStoryWithItsBylineTopicsAndOldAddress(Databases.Lazy lazy) {
		open(lazy);
		ImportReport report = run(Wxr.site(SITE)
			.author("jdoe", "Jane Doe")
			.post(Wxr.post(12, "Bridge reopens to traffic")
				.category("Statements")
				.category("Uncategorized")
				.tag("Roads")
				.excerpt("The <em>Elm Street</em> bridge is open.")
				.content("Crews finished <strong>early</strong>.\n\nDrivers can use it today.")));
		assertThat(report.createdCount()).isEqualTo(1);
		PublicStory story = this.node.newsroom().story("bridge-reopens-to-traffic").orElseThrow();
		assertThat(story.type()).as("the category named a type").isEqualTo(ArticleType.STATEMENT);
		assertThat(story.releaseAt()).isEqualTo(Instant.parse("2019-05-14T13:45:00Z"));
		assertThat(story.summary()).isEqualTo("The Elm Street bridge is open.");
		assertThat(story.bylines()).extracting((byline) -> byline.name()).containsExactly("Jane Doe");
		assertThat(story.topics()).extracting((topic) -> topic.name()).containsExactly("Roads");
		assertThat(story.bodyHtml())
			.isEqualTo("<p>Crews finished <strong>early</strong>.</p>\n<p>Drivers can use it today.</p>\n");
		assertThat(this.node.redirects().destination("/2019/05/bridge-reopens-to-traffic/"))
			.contains("/news/bridge-reopens-to-traffic");
		assertThat(this.workflow.events(story.id())).singleElement().satisfies((event) -> {
			assertThat(event.actor()).isEqualTo("import");
			assertThat(event.comment()).isEqualTo("Imported from " + SITE + ", item 12");
		});
		assertThat(count("select count(*) from audit_event where action = 'story.import' and actor = 'import'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from publication")).isEqualTo(1);
		WordPressShortLinks shortLinks = new WordPressShortLinks(new ImportRepository(this.db.jdbc()));
		assertThat(shortLinks.articleFor("12")).contains(story.id());
		assertThat(shortLinks.articleFor("13")).isEmpty();
		assertThat(shortLinks.articleFor("abc")).isEmpty();
		assertThat(shortLinks.articleFor("99999999999999999999")).isEmpty();
		assertThat(shortLinks.articleFor(null)).isEmpty();
	}

	@DatabaseTest
	void statusesMapToTheWorkflowAndWhatIsNotAStoryIsSkippedWithItsReason(Databases.Lazy lazy) {
		open(lazy);
		String future = "2027-01-05 15:00:00";
		ImportReport report = run(Wxr.site(SITE)
			.post(Wxr.post(1, "A draft").status("draft").localDate("2019-01-01 00:00:00"))
			.post(Wxr.post(2, "Waiting for review").status("pending"))
			.post(Wxr.post(3, "Coming next year").status("future").date(future))
			.post(Wxr.post(4, "Out already"))
			.post(Wxr.post(5, "Private memo").status("private"))
			.post(Wxr.post(6, "Thrown away").status("trash"))
			.post(Wxr.post(7, "About us").type("page"))
			.post(Wxr.post(8, "photo.jpg").attachment(SITE + "/wp-content/uploads/photo.jpg", 4)));
		assertThat(report.createdCount()).isEqualTo(4);
		assertThat(report.attachmentCount()).isEqualTo(1);
		assertThat(report.skippedReasons()).containsOnlyKeys("private in WordPress: not imported, readers never saw it",
				"in WordPress's trash: not imported", "a WordPress page, not a post: only posts become stories");
		assertThat(state("a-draft")).isEqualTo(EditorialState.DRAFT);
		assertThat(state("waiting-for-review")).isEqualTo(EditorialState.IN_REVIEW);
		assertThat(state("coming-next-year")).isEqualTo(EditorialState.PUBLISHED);
		assertThat(this.node.newsroom().story("coming-next-year")).as("under embargo until its own instant").isEmpty();
		this.clock.set(Instant.parse("2027-01-05T15:00:01Z"));
		assertThat(this.node.newsroom().story("coming-next-year")).isPresent();
		assertThat(this.node.newsroom().story("out-already")).isPresent();
		assertThat(count("select count(*) from import_attachment where parent_item_id = '4'")).isEqualTo(1);
	}

	@DatabaseTest
	void runningAgainSkipsWhatIsUnchangedUpdatesWhatChangedAndNeverOverwritesEdits(Databases.Lazy lazy) {
		open(lazy);
		Wxr first = Wxr.site(SITE)
			.post(Wxr.post(1, "Kept as it is"))
			.post(Wxr.post(2, "Changed at the source"))
			.post(Wxr.post(3, "Edited in Gazette"));
		run(first);
		long edited = this.content.articleIdBySlug("edited-in-gazette").orElseThrow();
		var working = this.content.workingRevision(edited).orElseThrow();
		this.clock.advance(Duration.ofMinutes(5));
		this.content.revise(
				edited, new RevisionDraft(working.type(), working.title(), "Our own summary.", null,
						working.bodyMarkdown(), working.authorIds(), working.topicIds(), ChangeKind.MINOR, null),
				"editor@example.gov");
		Wxr second = Wxr.site(SITE)
			.post(Wxr.post(1, "Kept as it is"))
			.post(Wxr.post(2, "Changed at the source").content("New text."))
			.post(Wxr.post(3, "Edited in Gazette").content("Source text changed."));
		ImportReport again = run(second);
		assertThat(again.createdCount()).isZero();
		assertThat(again.unchangedCount()).isEqualTo(1);
		assertThat(again.updatedCount()).isEqualTo(1);
		assertThat(again.skippedReasons()).containsOnlyKeys(
				"changed in the source, but edited in Gazette since its import: not overwritten (run with --overwrite-edited to replace the edits)");
		assertThat(this.node.newsroom().story("changed-at-the-source").orElseThrow().bodyHtml()).contains("New text.");
		assertThat(this.content.workingRevision(edited).orElseThrow().summary()).isEqualTo("Our own summary.");
		assertThat(count("select count(*) from article")).isEqualTo(3);

		ImportOptions overwrite = new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), "Newsroom staff",
				"import", 200, 0, false, true, 1_000_000);
		assertThat(run(second, overwrite).updatedCount()).isEqualTo(1);
		assertThat(this.content.workingRevision(edited).orElseThrow().bodyMarkdown()).isEqualTo("Source text changed.");
		assertThat(this.node.newsroom().story("edited-in-gazette").orElseThrow().bodyHtml())
			.contains("Source text changed.");
		assertThat(count("select count(*) from article")).isEqualTo(3);
	}

	@DatabaseTest
	void anImportStoppedMidwayAndRunAgainEndsWithExactlyTheSourcesItems(Databases.Lazy lazy) {
		open(lazy);
		Wxr wxr = Wxr.site(SITE);
		for (int i = 1; i <= 7; i++) {
			wxr.post(Wxr.post(i, "Story number " + i));
		}
		String xml = wxr.xml();
		ImportOptions batchesOfTwo = new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), "Newsroom staff",
				"import", 2, 0, false, false, 1_000_000);
		// Killed while writing the third batch: the file ends in the middle of item 6.
		String cut = xml.substring(0, xml.indexOf("<wp:post_id>6<"));
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> run(cut, batchesOfTwo))
			.withMessageMatching("Line \\d+, column \\d+: .*");
		assertThat(count("select count(*) from article")).as("two whole batches, not item 5").isEqualTo(4);
		assertThat(count("select count(*) from import_item")).isEqualTo(4);
		// Stopped after a limit: again whole batches.
		ImportOptions limited = new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), "Newsroom staff", "import",
				2, 5, false, false, 1_000_000);
		run(xml, limited);
		assertThat(count("select count(*) from article")).isEqualTo(5);
		ImportReport rest = run(xml, batchesOfTwo);
		assertThat(rest.createdCount()).isEqualTo(2);
		assertThat(rest.unchangedCount()).isEqualTo(5);
		assertThat(count("select count(*) from article")).isEqualTo(7);
		assertThat(count("select count(*) from import_item")).isEqualTo(7);
		assertThat(count("select count(*) from redirect")).isEqualTo(7);
	}

	@DatabaseTest
	void anImportStopsWhenTheDatabaseRefusesAWholeBatchInsteadOfSkippingTheRestOfTheFile(Databases.Lazy lazy) {
		open(lazy);
		ImportOptions batchesOfTwo = new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), "Newsroom staff",
				"import", 2, 0, false, false, 1_000_000);
		Wxr wxr = Wxr.site(SITE).post(Wxr.post(1, "One")).post(Wxr.post(2, "Two")).post(Wxr.post(3, "Three"));
		// A database that refuses every row, as a closed or broken one does.
		this.db.jdbc()
			.sql("alter table import_item add constraint import_item_refused check (item_id = 'never')")
			.update();
		try {
			assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> run(wxr, batchesOfTwo))
				.withMessageStartingWith("The database refused every item of a batch (the database refused it (")
				.withMessageEndingWith("stopped, nothing of this batch was written. Fix the database and run again.");
		}
		finally {
			this.db.jdbc().sql("alter table import_item drop constraint import_item_refused").update();
		}
		assertThat(count("select count(*) from article")).isZero();
		assertThat(run(wxr, batchesOfTwo).createdCount()).as("once the database takes them").isEqualTo(3);
	}

	@DatabaseTest
	void anImportStopsWhenTheDatabaseRefusesEveryPostOfABatchThatAlsoHoldsAPrivateOne(Databases.Lazy lazy) {
		open(lazy);
		ImportOptions batchesOfThree = new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), "Newsroom staff",
				"import", 3, 0, false, false, 1_000_000);
		Wxr wxr = Wxr.site(SITE)
			.post(Wxr.post(1, "One"))
			.post(Wxr.post(2, "Private").status("private"))
			.post(Wxr.post(3, "Three"))
			.post(Wxr.post(4, "Four"));
		this.db.jdbc()
			.sql("alter table import_item add constraint import_item_refused check (item_id = 'never')")
			.update();
		try {
			assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> run(wxr, batchesOfThree))
				.withMessageStartingWith("The database refused every item of a batch (the database refused it (");
		}
		finally {
			this.db.jdbc().sql("alter table import_item drop constraint import_item_refused").update();
		}
		assertThat(count("select count(*) from article")).isZero();
		ImportReport again = run(wxr, batchesOfThree);
		assertThat(again.createdCount()).as("once the database takes them").isEqualTo(3);
		assertThat(again.skippedCount()).as("the private post, for its own reason").isEqualTo(1);
	}

	@DatabaseTest
	void theSameItemIdFromAnotherSourceIsAnotherItem(Databases.Lazy lazy) {
		open(lazy);
		run(Wxr.site(SITE).post(Wxr.post(1, "One")));
		ImportReport other = run(Wxr.site("https://other.example.gov").post(Wxr.post(1, "Other one")));
		assertThat(other.createdCount()).isEqualTo(1);
		assertThat(other.unchangedCount() + other.updatedCount()).isZero();
		assertThat(run(Wxr.site(SITE).post(Wxr.post(1, "One"))).unchangedCount()).isEqualTo(1);
		assertThat(count("select count(*) from article")).isEqualTo(2);
		assertThat(count("select count(*) from import_item")).isEqualTo(2);
	}

	@DatabaseTest
	void duplicateSlugsAreMadeUniqueAndEachOldAddressFindsItsOwnStory(Databases.Lazy lazy) {
		open(lazy);
		run(Wxr.site(SITE)
			.post(Wxr.post(1, "Update").slug("update").link(SITE + "/2019/05/update/"))
			.post(Wxr.post(2, "Update").slug("update").link(SITE + "/2020/01/update/"))
			.post(Wxr.post(3, "日本語のニュース").slug("%e6%97%a5%e6%9c%ac")));
		assertThat(this.node.redirects().destination("/2019/05/update")).contains("/news/update");
		assertThat(this.node.redirects().destination("/2020/01/update")).contains("/news/update-2");
		assertThat(this.content.articleIdBySlug("update-2")).isPresent();
		assertThat(count("select count(*) from article")).isEqualTo(3);
	}

	@DatabaseTest
	void postsWithTheSameBodyAreAllImportedAndShareOneStoredBody(Databases.Lazy lazy) {
		open(lazy);
		ImportReport report = run(Wxr.site(SITE)
			.post(Wxr.post(1, "Office closed").content("Closed for the holiday."))
			.post(Wxr.post(2, "Office closed again").content("Closed for the holiday."))
			.post(Wxr.post(3, "Office open").content("Open as usual."))
			.post(Wxr.post(4, "Office closed once more").content("Closed for the holiday.")));
		assertThat(report.createdCount()).isEqualTo(4);
		assertThat(report.skippedCount()).isZero();
		assertThat(count("select count(*) from revision")).isEqualTo(4);
		assertThat(count("select count(*) from revision_body")).isEqualTo(2);
		assertThat(this.node.newsroom().story("office-closed-once-more").orElseThrow().bodyHtml())
			.isEqualTo("<p>Closed for the holiday.</p>\n");
	}

	@DatabaseTest
	void hostileHtmlIsSanitizedAndWordPressMarkupConverted(Databases.Lazy lazy) {
		open(lazy);
		run(Wxr.site(SITE)
			.post(Wxr.post(1, "Hostile")
				.content(
						"""
								Hello <script>alert('x')</script>world.

								<img src="x" onerror="alert(1)" alt="pic"> <a href="javascript:alert(2)">click</a>

								[caption id="attachment_9" align="alignnone" width="300"]<img src="https://old.example.gov/a.jpg" alt="Crew" /> Crews at work[/caption]

								[gallery ids="1,2,3"]

								<table><tr><td onclick="evil()">Cell</td></tr></table>
								""")));
		String html = this.node.newsroom().story("hostile").orElseThrow().bodyHtml();
		assertThat(html).doesNotContain("<script", "onerror", "onclick", "javascript:", "alert(1)", "[gallery");
		assertThat(html).contains("<figure>", "<figcaption>Crews at work</figcaption>",
				"<a href=\"https://old.example.gov/a.jpg\">Image: Crew</a>", "<td>Cell</td>");
	}

	@DatabaseTest
	void itemsMissingWhatAStoryNeedsAreSkippedWithTheirReasons(Databases.Lazy lazy) {
		open(lazy);
		ImportReport report = run(Wxr.site(SITE)
			.post(Wxr.post(1, ""))
			.post(Wxr.post(2, "No date").date("0000-00-00 00:00:00").localDate("0000-00-00 00:00:00"))
			.post(Wxr.post(3, "No body").content(""))
			.post(Wxr.post(4, "No author").by(""))
			.raw("<item><title>No id</title><wp:status>publish</wp:status></item>"));
		assertThat(report.skippedReasons()).containsOnlyKeys("has no title",
				"published without a date (wp:post_date_gmt or pubDate)",
				"Write the story's body before publishing it.",
				"has no id in the source (wp:post_id, guid or link), so a second run could not find it");
		assertThat(this.node.newsroom().story("no-author").orElseThrow().bylines())
			.extracting((byline) -> byline.name())
			.containsExactly("Newsroom staff");
		assertThat(count("select count(*) from article")).isEqualTo(1);
	}

	@DatabaseTest
	void aDryRunReportsAndWritesNothing(Databases.Lazy lazy) {
		open(lazy);
		ImportOptions dry = new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), "Newsroom staff", "import", 2,
				0, true, false, 1_000_000);
		ImportReport report = run(Wxr.site(SITE)
			.author("jdoe", "Jane Doe")
			.post(Wxr.post(1, "One").tag("Roads"))
			.post(Wxr.post(2, "Two"))
			.post(Wxr.post(3, "Three").status("private")), dry);
		assertThat(report.createdCount()).isEqualTo(2);
		assertThat(report.summary()).startsWith("Dry run, nothing written. Would have: created 2,");
		for (String table : List.of("article", "author", "topic", "redirect", "import_item", "audit_event",
				"workflow_event", "change_event")) {
			assertThat(count("select count(*) from " + table)).as(table).isZero();
		}
	}

	@DatabaseTest
	void feedEntriesBecomePublishedStories(Databases.Lazy lazy) {
		open(lazy);
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Agency news</title><link>https://agency.example.gov/</link>
				<item><title>Flood warning lifted</title><link>https://agency.example.gov/news/flood.html</link>
				<pubDate>Mon, 06 Jan 2020 15:30:00 GMT</pubDate><category>Statements</category>
				<description>&lt;p&gt;The warning is lifted.&lt;/p&gt;</description></item>
				</channel></rss>
				""";
		for (int run = 0; run < 2; run++) {
			try (FeedReader reader = new FeedReader(new ByteArrayInputStream(rss.getBytes(StandardCharsets.UTF_8)),
					10_000)) {
				this.importer.run(reader, options(), Progress.silent());
			}
		}
		PublicStory story = this.node.newsroom().story("flood-warning-lifted").orElseThrow();
		assertThat(story.type()).isEqualTo(ArticleType.STATEMENT);
		assertThat(story.releaseAt()).isEqualTo(Instant.parse("2020-01-06T15:30:00Z"));
		assertThat(story.bylines()).extracting((byline) -> byline.name()).containsExactly("Newsroom staff");
		assertThat(this.node.redirects().destination("/news/flood.html")).contains("/news/flood-warning-lifted");
		assertThat(count("select count(*) from article")).isEqualTo(1);
	}

	private EditorialState state(String slug) {
		return this.workflow.standing(this.content.articleIdBySlug(slug).orElseThrow()).orElseThrow().state();
	}

	private long count(String sql) {
		return this.db.jdbc().sql(sql).query(Long.class).single();
	}

}
