package org.gazette.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.publishing.Newsroom;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relevance test set over the demo newsroom: for each query a reader might type, the
 * stories that must come first or in the top five, and those that must not be found at
 * all. The expectations come from reading the demo stories; each one is unambiguous to a
 * person. A failure prints the query and the slugs actually returned.
 */
@DemoNewsroomTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTests {

	// Demo stories, by slug.
	static final String LAREDO = "new-inspection-lanes-open-at-laredo";

	static final String BUDGET = "statement-on-budget-request";

	static final String MANIFEST = "comment-period-electronic-manifest-standard";

	static final String NIGHT_SHIFT = "night-shift-port-of-savannah";

	static final String SCANNING = "agency-awards-contracts-to-modernize-cargo-scanning";

	static final String LAND_BORDER = "what-to-know-before-crossing-a-land-border";

	static final String GULF_COAST = "statement-on-gulf-coast-port-closures";

	static final String PILOT = "pilot-program-cuts-paperwork-for-small-agricultural-exporters";

	static final String VETERAN = "from-army-logistics-to-border-technology";

	static final String INDUSTRY_DAY = "industry-day-trusted-trader-portal";

	static final String HIRING = "agency-hiring-400-trade-specialists-and-inspectors";

	static final String OVERSIGHT = "statement-on-inspector-general-contract-oversight-report";

	static final String BILL_OF_LADING = "teaching-a-machine-to-read-a-bill-of-lading";

	static final String MAINTENANCE = "scheduled-maintenance-trade-filing-system";

	static final String DETROIT = "detroit-crossing-adds-trusted-traveler-lane";

	static final String FRUIT_FLY = "statement-on-fruit-fly-detection-in-south-texas";

	static final String FORMS = "small-business-owners-helped-redesign-contracting-forms";

	static final String SMALL_BUSINESS_GOAL = "agency-exceeds-small-business-contracting-goal";

	static final String FELLOWSHIP = "apply-now-border-modernization-student-fellowship";

	static final String MOBILE_APP = "mobile-inspection-app-rolls-out-in-arizona";

	static final String POULTRY = "statement-on-avian-influenza-import-review";

	static final String CATTLE = "counting-cattle-at-dawn-santa-teresa";

	static final String DUTY_ESTIMATOR = "online-tool-estimates-duties-before-you-ship";

	static final String STRATEGIC_PLAN = "agency-releases-strategic-plan";

	/** Released three days after the test clock's today: under embargo, never found. */
	static final String EMBARGOED_SAVANNAH = "joint-cargo-facility-opens-in-savannah";

	// Stories this test adds: the demo has no diacritics and no controlled proximity
	// pair.
	static final String MONTREAL = "enrollment-center-opens-in-montreal";

	static final String COLD_CHAIN = "refrigerated-trucks-get-priority-at-otay-mesa";

	static final String WINTER_HOURS = "winter-hours-at-northern-crossings";

	@Autowired
	Search search;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	@Autowired
	Newsroom newsroom;

	@BeforeAll
	void demoNewsroomWithThreeMoreStories() {
		// The application is shared with other demo-newsroom test classes: add them once.
		if (this.newsroom.story(MONTREAL).isEmpty()) {
			addStories();
		}
		// Synchronously, so no query runs against a half-built or older index.
		this.indexer.rebuild();
	}

	private void addStories() {
		Topic travel = topic("travel");
		Topic trade = topic("trade");
		Author jose = this.stories.author("José Núñez");
		Instant day = MutableClock.START.minus(Duration.ofDays(20));
		this.stories.story("Enrollment Center for Frequent Crossers Opens in Montréal")
			.slug(MONTREAL)
			.type(ArticleType.ANNOUNCEMENT)
			.summary("Applicants who live in Québec no longer need to drive to the border for their interview.")
			.body("""
					Frequent crossers who live in Québec can now complete their interview at a new enrollment \
					center at Montréal–Trudeau International Airport. The center is on the arrivals level, next \
					to the café, and is open on weekdays from 8 a.m. to 4 p.m.
					""")
			.by(jose)
			.about(travel)
			.releasedAt(day)
			.publish();
		// The same words, once side by side and once far apart, in the bodies of two
		// stories
		// of the same day: only proximity can tell them apart.
		this.stories.story("Refrigerated Trucks Get Priority at Otay Mesa")
			.slug(COLD_CHAIN)
			.summary("A dedicated lane keeps perishable loads moving.")
			.body("""
					Trucks carrying fresh produce now have a dedicated lane at Otay Mesa. Keeping the cold chain \
					unbroken protects food safety and the value of the load, so officers check these trucks first.
					""")
			.about(trade)
			.releasedAt(day)
			.publish();
		// Shorter, so that on length alone (BM25) it would rank first.
		this.stories.story("Winter Hours at Northern Crossings")
			.slug(WINTER_HOURS)
			.summary("Some northern crossings change their hours for the season.")
			.body("""
					Cold mornings slow small northern crossings. Firms with a supply chain through them can ask \
					about early deliveries.
					""")
			.about(travel)
			.releasedAt(day)
			.publish();
	}

	private Topic topic(String slug) {
		return this.content.topics().stream().filter((topic) -> topic.slug().equals(slug)).findFirst().orElseThrow();
	}

	static Stream<Expect> queries() {
		return Stream.of(
				// Single words
				q("cattle").first(CATTLE).never(POULTRY), q("livestock").first(CATTLE), q("poultry").first(POULTRY),
				q("fellowship").first(FELLOWSHIP), q("hubzone").first(SMALL_BUSINESS_GOAL),
				q("pedestrian").first(MOBILE_APP), q("beetle").first(NIGHT_SHIFT), q("Congress").first(BUDGET),
				q("storm").first(GULF_COAST), q("savannah").first(NIGHT_SHIFT).never(EMBARGOED_SAVANNAH),
				// Stems and plurals: the other form of the word is found
				q("inspections").first(LAREDO).top5(NIGHT_SHIFT, MOBILE_APP),
				q("inspectors").top5(HIRING, OVERSIGHT, CATTLE), q("veterans").first(VETERAN).top5(HIRING),
				q("pest").top5(NIGHT_SHIFT, FRUIT_FLY, LAND_BORDER), q("ticks").first(CATTLE),
				q("exporter").first(PILOT),
				// Case and diacritics folded, in the query and in the story
				q("LAREDO").first(LAREDO).top5(SCANNING), q("HUBZone").first(SMALL_BUSINESS_GOAL),
				q("María Álvarez").top5(BUDGET, POULTRY, STRATEGIC_PLAN), q("montreal").first(MONTREAL),
				q("MONTRÉAL").first(MONTREAL), q("cafe").first(MONTREAL), q("quebec").first(MONTREAL),
				// Phrases: the words together, in order; a stop word inside keeps its
				// place
				q("\"trusted traveler\"").top5(DETROIT, LAND_BORDER, STRATEGIC_PLAN).never(CATTLE),
				q("\"inspector general\"").first(OVERSIGHT).never(CATTLE),
				q("\"electronic manifest\"").first(MANIFEST).top5(LAREDO).never(MAINTENANCE),
				q("\"cut flowers\"").first(NIGHT_SHIFT), q("\"port of savannah\"").first(NIGHT_SHIFT),
				q("\"bill of lading\"").first(BILL_OF_LADING),
				// Exclusions
				q("trusted -trader").top5(DETROIT, LAND_BORDER).never(LAREDO, INDUSTRY_DAY),
				q("manifest -electronic").first(MAINTENANCE).never(MANIFEST, LAREDO),
				q("inspection -\"trusted trader\"").top5(NIGHT_SHIFT, MOBILE_APP).never(LAREDO),
				q("alvarez -budget").top5(POULTRY, STRATEGIC_PLAN).never(BUDGET),
				q("agriculture -cattle -poultry").top5(NIGHT_SHIFT, PILOT).never(CATTLE, POULTRY),
				// OR
				q("cattle OR poultry").top5(CATTLE, POULTRY).total(2),
				q("Windsor OR Nogales").top5(DETROIT, MOBILE_APP).total(2),
				q("veterans OR fellowship").top5(VETERAN, FELLOWSHIP, HIRING),
				q("hurricane OR storm").first(GULF_COAST),
				// A match in the headline ranks above matches in the body alone
				q("scanning").first(SCANNING).top5(LAREDO, BUDGET), q("paperwork").first(PILOT),
				q("maintenance").first(MAINTENANCE), q("hiring").first(HIRING), q("duties").first(DUTY_ESTIMATOR),
				q("technology").first(VETERAN), q("trusted trader").first(INDUSTRY_DAY).top5(LAREDO),
				q("trusted traveler").first(DETROIT).top5(LAND_BORDER, STRATEGIC_PLAN),
				q("inspection lanes").first(LAREDO).top5(DETROIT),
				// Several words: those close together rank above the same words far apart
				q("land border").first(LAND_BORDER), q("cargo release").first(VETERAN),
				q("cold chain").first(COLD_CHAIN).top5(WINTER_HOURS),
				q("small business contracting").first(SMALL_BUSINESS_GOAL).top5(FORMS),
				q("fruit fly").first(FRUIT_FLY).total(1), q("wait times trucks").first(LAREDO),
				// Authors: bylines, and people quoted in the stories
				q("Helen Kowalczyk").top5(NIGHT_SHIFT, PILOT, DETROIT, FORMS).total(4),
				q("Priya Raman").top5(MANIFEST, VETERAN, BILL_OF_LADING, MOBILE_APP, DUTY_ESTIMATOR).total(5),
				q("jose nunez").first(MONTREAL).total(1), q("Caleb Yoder").top5(FRUIT_FLY, PILOT).total(2),
				q("Lena Brandt").top5(MOBILE_APP, VETERAN).total(2),
				q("Denise Hartwell").top5(SCANNING, FORMS, SMALL_BUSINESS_GOAL).total(3),
				q("Raymond Ochoa").top5(LAREDO, DETROIT).total(2),
				// Topic words
				q("agriculture").top5(NIGHT_SHIFT, PILOT).never(SMALL_BUSINESS_GOAL),
				q("contracting").top5(SCANNING, FORMS, SMALL_BUSINESS_GOAL).never(LAND_BORDER),
				q("travel").top5(DETROIT, LAND_BORDER), q("workforce").first(STRATEGIC_PLAN),
				// Misspellings: nothing or little found, and the corrected query
				// suggested
				q("inspektion").total(0).suggests("inspection"), q("poultrey").total(0).suggests("poultry"),
				q("fellowshp").total(0).suggests("fellowship"), q("savanah").total(0).suggests("savannah"),
				q("cattel").total(0).suggests("cattle"), q("laredo inpsection").total(0).suggests("laredo inspection"),
				q("Kowalcyk").total(0).suggests("kowalczyk"),
				// A correct word is not "corrected"
				q("laredo").suggests(null), q("hurricane").total(0).suggests(null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("queries")
	void findsWhatAReaderExpects(Expect expect) {
		SearchResults results = search(expect.query());
		List<String> slugs = slugs(results);
		String found = expect.query() + " found " + slugs;
		if (expect.first() != null) {
			assertThat(slugs).as(found).isNotEmpty();
			assertThat(slugs.get(0)).as(found).isEqualTo(expect.first());
		}
		assertThat(slugs.subList(0, Math.min(5, slugs.size()))).as(found).containsAll(expect.top5());
		if (!expect.never().isEmpty()) {
			assertThat(slugs).as(found).doesNotContainAnyElementsOf(expect.never());
		}
		if (expect.total() != null) {
			assertThat(results.total()).as(found).isEqualTo(expect.total().longValue());
		}
		if (expect.checksSuggestion()) {
			assertThat(results.suggestion()).as(found).isEqualTo(expect.suggestion());
		}
	}

	@Test
	void theSetHasAtLeastFortyQueries() {
		assertThat(queries().count()).isGreaterThanOrEqualTo(40);
	}

	static Stream<Arguments> sameResults() {
		return Stream.of(Arguments.of("inspection", "inspections"), Arguments.of("inspector", "inspectors"),
				Arguments.of("veteran", "veterans"), Arguments.of("tick", "ticks"), Arguments.of("pest", "pests"),
				Arguments.of("exporter", "exporters"), Arguments.of("trusted traveler", "trusted travelers"),
				Arguments.of("laredo", "LAREDO"), Arguments.of("Inspection", "INSPECTIONS"),
				Arguments.of("port of savannah", "Port Of Savannah"), Arguments.of("maria alvarez", "MARÍA ÁLVAREZ"),
				Arguments.of("Núñez", "nunez"), Arguments.of("montreal cafe", "Montréal Café"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("sameResults")
	void findsTheSameStoriesInTheSameOrder(String one, String other) {
		List<String> first = slugs(search(one));
		assertThat(first).as(one).isNotEmpty();
		assertThat(slugs(search(other))).as(other + " vs " + one).isEqualTo(first);
	}

	@Test
	void aPhraseIsStricterThanTheSameWordsUnquoted() {
		assertThat(search("trusted traveler").total()).isGreaterThan(search("\"trusted traveler\"").total());
		assertThat(search("\"traveler trusted\"").total()).as("a phrase keeps its word order").isZero();
	}

	private SearchResults search(String text) {
		// One page of 100: every match of the demo newsroom, so "never" covers all
		// results.
		return this.search.search(new SearchQuery(text, null, null, null, null, false, 1, 100));
	}

	private static List<String> slugs(SearchResults results) {
		return results.hits().stream().map(SearchResults.Hit::slug).toList();
	}

	static Expect q(String query) {
		return new Expect(query, null, List.of(), List.of(), null, false, null);
	}

	/**
	 * What a query must find.
	 *
	 * @param query what the reader types
	 * @param first the story that must rank first, or null
	 * @param top5 stories that must be among the first five
	 * @param never stories that must not be found at all
	 * @param total how many stories must match, or null
	 * @param checksSuggestion whether the suggestion is checked
	 * @param suggestion the corrected query expected, or null for none
	 */
	record Expect(String query, String first, List<String> top5, List<String> never, Long total,
			boolean checksSuggestion, String suggestion) {

		Expect first(String slug) {
			return new Expect(this.query, slug, this.top5, this.never, this.total, this.checksSuggestion,
					this.suggestion);
		}

		Expect top5(String... slugs) {
			return new Expect(this.query, this.first, join(this.top5, slugs), this.never, this.total,
					this.checksSuggestion, this.suggestion);
		}

		Expect never(String... slugs) {
			return new Expect(this.query, this.first, this.top5, join(this.never, slugs), this.total,
					this.checksSuggestion, this.suggestion);
		}

		Expect total(long count) {
			return new Expect(this.query, this.first, this.top5, this.never, count, this.checksSuggestion,
					this.suggestion);
		}

		Expect suggests(String text) {
			return new Expect(this.query, this.first, this.top5, this.never, this.total, true, text);
		}

		private static List<String> join(List<String> list, String... more) {
			List<String> joined = new ArrayList<>(list);
			joined.addAll(List.of(more));
			return List.copyOf(joined);
		}

		@Override
		public String toString() {
			return this.query;
		}

	}

}
