package org.gazette.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.Db;
import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.StoryQuery;
import org.gazette.publishing.Visibility;
import org.gazette.support.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search's facet counts agree with the database: for the stories a query matches,
 * counting kinds, topics, authors and years with SQL over their published revisions gives
 * the same numbers the index gives; with no words at all they equal the public listings'
 * totals from {@link Newsroom}; and filtering on a facet value finds exactly as many
 * stories as its count said.
 */
@DemoNewsroomTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFacetCountTests {

	/** Public stories, with their published revision, as the reader sees them now. */
	private static final String PUBLIC_STORIES = """
			from article a join revision r on r.id = a.published_revision_id
			where %s and a.slug in (:slugs)
			""".formatted(Visibility.PUBLIC_ARTICLE);

	@Autowired
	Search search;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Newsroom newsroom;

	@Autowired
	Content content;

	@Autowired
	MutableClock clock;

	@Autowired
	GazetteProperties properties;

	@BeforeAll
	void indexBuilt() {
		this.indexer.rebuild();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "inspection", "trade", "small business", "agriculture -cattle", "trusted OR savannah",
			"\"port of savannah\"" })
	void facetCountsEqualCountsBySqlOverTheMatchingStories(String query) {
		SearchResults results = search(new SearchQuery(query, null, null, null, null, false, 1, 1000));
		List<String> slugs = results.hits().stream().map(SearchResults.Hit::slug).toList();
		assertThat(slugs).as("every match on one page").hasSize((int) results.total()).isNotEmpty();
		assertThat(counts(results, "type")).as("type").isEqualTo(countBySql(slugs, "r.type_code", ""));
		assertThat(counts(results, "topic")).as("topic")
			.isEqualTo(countBySql(slugs, "t.slug",
					"join revision_topic rt on rt.revision_id = r.id join topic t on t.id = rt.topic_id"));
		assertThat(counts(results, "author")).as("author")
			.isEqualTo(countBySql(slugs, "au.slug",
					"join revision_author ra on ra.revision_id = r.id join author au on au.id = ra.author_id"));
		assertThat(counts(results, "year")).as("year").isEqualTo(yearsBySql(slugs));
	}

	/**
	 * Counts per value of a column over the matched stories, read back from the database
	 * by slug, so that only the counting differs from the index's.
	 */
	private Map<String, Long> countBySql(List<String> slugs, String column, String joins) {
		String sql = "select " + column + " as facet_value, count(*) as n "
				+ PUBLIC_STORIES.replace("where", joins + " where") + " group by " + column;
		return new TreeMap<>(this.jdbc.sql(sql)
			.param("now", Db.utc(this.clock.instant()))
			.param("slugs", slugs)
			.query((rs, n) -> Map.entry(rs.getString("facet_value"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	/** Years in the site's time zone, as readers see release dates. */
	private Map<String, Long> yearsBySql(List<String> slugs) {
		ZoneId zone = this.properties.timeZone();
		return new TreeMap<>(this.jdbc.sql("select a.release_at " + PUBLIC_STORIES)
			.param("now", Db.utc(this.clock.instant()))
			.param("slugs", slugs)
			.query((rs, n) -> Db.instant(rs, "release_at"))
			.list()
			.stream()
			.collect(Collectors.groupingBy((release) -> Integer.toString(release.atZone(zone).getYear()),
					Collectors.counting())));
	}

	@Test
	void withoutWordsTheCountsEqualThePublicListingsTotals() {
		SearchResults all = search(new SearchQuery("", null, null, null, null, false, 1, 10));
		assertThat(all.total()).isEqualTo(this.newsroom.list(StoryQuery.ALL, 1, 1).total());
		for (ArticleType type : ArticleType.values()) {
			assertThat(counts(all, "type").getOrDefault(type.code(), 0L)).as(type.code())
				.isEqualTo(total(new StoryQuery(type, null, null, null, null)));
		}
		for (Topic topic : this.content.topics()) {
			assertThat(counts(all, "topic").getOrDefault(topic.slug(), 0L)).as(topic.slug())
				.isEqualTo(total(StoryQuery.byTopic(topic.id())));
		}
		for (Author author : this.content.authors()) {
			assertThat(counts(all, "author").getOrDefault(author.slug(), 0L)).as(author.slug())
				.isEqualTo(total(StoryQuery.byAuthor(author.id())));
		}
		ZoneId zone = this.properties.timeZone();
		for (String year : counts(all, "year").keySet()) {
			LocalDate first = LocalDate.of(Integer.parseInt(year), 1, 1);
			assertThat(counts(all, "year").get(year)).as(year)
				.isEqualTo(total(new StoryQuery(null, null, null, first.atStartOfDay(zone).toInstant(),
						first.plusYears(1).atStartOfDay(zone).toInstant())));
		}
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "inspection", "small business" })
	void filteringOnAFacetValueFindsAsManyStoriesAsItsCount(String query) {
		SearchResults results = search(new SearchQuery(query, null, null, null, null, false, 1, 10));
		for (SearchResults.Facet facet : results.facets()) {
			for (SearchResults.FacetValue value : facet.values()) {
				String v = value.value();
				SearchQuery filtered = switch (facet.dimension()) {
					case "type" -> new SearchQuery(query, v, null, null, null, false, 1, 10);
					case "topic" -> new SearchQuery(query, null, v, null, null, false, 1, 10);
					case "author" -> new SearchQuery(query, null, null, v, null, false, 1, 10);
					default -> new SearchQuery(query, null, null, null, Integer.valueOf(v), false, 1, 10);
				};
				assertThat(search(filtered).total()).as(facet.dimension() + "=" + v).isEqualTo(value.count());
			}
		}
	}

	private SearchResults search(SearchQuery query) {
		return this.search.search(query);
	}

	private long total(StoryQuery query) {
		return this.newsroom.list(query, 1, 1).total();
	}

	private static Map<String, Long> counts(SearchResults results, String dimension) {
		return new TreeMap<>(results.facets()
			.stream()
			.filter((facet) -> facet.dimension().equals(dimension))
			.flatMap((facet) -> facet.values().stream())
			.collect(Collectors.toMap(SearchResults.FacetValue::value, SearchResults.FacetValue::count)));
	}

}
