package org.gazette.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every public page says about itself: a unique title, a description, a canonical
 * address, Open Graph and Twitter card tags, feed links; and schema.org NewsArticle data
 * on stories that stays valid JSON whatever the headline holds.
 */
@GazetteWebTest
class PageMetadataTests {

	static final String BREAKOUT = "Budget </script><script>alert(1)</script> & \"more\" \u2028 <!--";

	static final String[] PAGES = { "/", "/news", "/news/page/2", "/news/types/statement", "/news?topic=trade",
			"/news/ports-reopen", "/news/breakout", "/authors/jane-doe", "/topics/trade" };

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	JsonLd jsonLd;

	Http http;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var jane = this.stories.author("Jane Doe");
		var trade = this.stories.topic("Trade");
		for (int i = 0; i < 21; i++) {
			this.stories.story("Filler " + i).by(jane).publish();
		}
		this.stories.story("Ports Reopen").slug("ports-reopen").by(jane).about(trade).publish();
		this.stories.story(BREAKOUT).slug("breakout").summary(BREAKOUT).by(jane).publish();
	}

	@Test
	void everyPublicPageHasAUniqueTitleDescriptionCanonicalAndSocialTags() {
		Set<String> titles = new HashSet<>();
		for (String path : PAGES) {
			var response = this.http.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			Document page = response.document();
			String title = page.title();
			assertThat(titles.add(title)).as("unique title " + title).isTrue();
			assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
			String canonical = page.select("link[rel=canonical]").attr("href");
			assertThat(canonical).as(path).startsWith("https://news.example.gov/");
			assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(canonical);
			assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(title);
			assertThat(page.select("meta[property=og:description]").attr("content")).as(path).isNotBlank();
			assertThat(page.select("meta[property=og:site_name]").attr("content")).isEqualTo("Newsroom");
			assertThat(page.select("meta[property=og:type]").attr("content"))
				.isEqualTo(path.matches("/news/[^/]+") ? "article" : "website");
			assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
			assertThat(page.select("link[rel=alternate][type=application/rss+xml]")).as(path).hasSize(1);
			assertThat(page.select("link[rel=alternate][type=application/atom+xml]")).as(path).hasSize(1);
		}
	}

	@Test
	void listingsOfferTheirOwnFeedsVisibly() {
		assertThat(this.http.get("/topics/trade").document().select(".gazette-feeds a").eachAttr("href"))
			.containsExactly("/feeds/topics/trade.rss", "/feeds/topics/trade.atom");
		assertThat(this.http.get("/authors/jane-doe").document().select(".gazette-feeds a").eachAttr("href"))
			.containsExactly("/feeds/authors/jane-doe.rss", "/feeds/authors/jane-doe.atom");
		assertThat(this.http.get("/news/types/statement").document().select(".gazette-feeds a").eachAttr("href"))
			.containsExactly("/feeds/types/statement.rss", "/feeds/types/statement.atom");
		assertThat(this.http.get("/").document().select(".gazette-feeds a").eachAttr("href"))
			.containsExactly("/feeds/all.rss", "/feeds/all.atom");
		for (String page : new String[] { "/", "/topics/trade", "/authors/jane-doe", "/news/types/statement" }) {
			for (String feed : this.http.get(page).document().select(".gazette-feeds a").eachAttr("href")) {
				assertThat(this.http.get(feed).status()).as(feed).isEqualTo(200);
			}
		}
	}

	@Test
	void storiesCarryNewsArticleJsonLdThatAHeadlineCannotBreakOutOf() {
		Document page = this.http.get("/news/breakout").document();
		// The script element holds everything up to the first "</script": with the
		// escaping, the whole JSON.
		assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
		assertThat(page.select("script:not([type=application/ld+json]):not([src])")).isEmpty();
		String raw = this.http.get("/news/breakout").body();
		String json = raw.substring(raw.indexOf("<script type=\"application/ld+json\">") + 35);
		json = json.substring(0, json.indexOf("</script>"));
		assertThat(json).doesNotContain("<", ">");
		JsonNode data = JsonMapper.builder().build().readTree(json);
		assertThat(data.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(data.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(data.get("headline").asString()).isEqualTo(BREAKOUT);
		assertThat(data.get("datePublished").asString()).isEqualTo("2026-11-27T15:00-05:00");
		assertThat(data.get("dateModified").asString()).isNotBlank();
		assertThat(data.get("author").get(0).get("name").asString()).isEqualTo("Jane Doe");
		assertThat(data.get("author").get(0).get("url").asString())
			.isEqualTo("https://news.example.gov/authors/jane-doe");
		assertThat(data.get("publisher").get("name").asString()).isNotBlank();
		assertThat(data.get("mainEntityOfPage").asString()).isEqualTo("https://news.example.gov/news/breakout");
		assertThat(this.http.get("/news").document().select("script[type=application/ld+json]")).isEmpty();
	}

	@Test
	void jsonLdIsWrittenWithItsKeysInOneOrderWhateverMapHoldsThem() {
		// Map.of iterates in an order that changes between JVMs; two maps with the same
		// entries in opposite orders stand in for two nodes.
		Map<String, Object> ascending = new LinkedHashMap<>();
		ascending.put("@context", "https://schema.org");
		ascending.put("author", List.of(Map.of("@type", "Person", "name", "Jane Doe", "url", "https://a.example")));
		ascending.put("headline", "Ports Reopen");
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("url", "https://agency.example");
		publisher.put("name", "Agency");
		publisher.put("@type", "GovernmentOrganization");
		ascending.put("publisher", publisher);
		Map<String, Object> descending = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>(ascending.keySet());
		Collections.reverse(keys);
		keys.forEach((key) -> descending.put(key, ascending.get(key)));

		String expected = "{\"@context\":\"https://schema.org\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\","
				+ "\"url\":\"https://a.example\"}],\"headline\":\"Ports Reopen\",\"publisher\":{\"@type\":"
				+ "\"GovernmentOrganization\",\"name\":\"Agency\",\"url\":\"https://agency.example\"}}";
		assertThat(this.jsonLd.write(ascending)).isEqualTo(expected);
		assertThat(this.jsonLd.write(descending)).isEqualTo(expected);
	}

	@Test
	void aStoryPageHasTheSameBytesAndETagEveryTimeWithItsJsonLdKeysSorted() {
		var first = this.http.get("/news/ports-reopen");
		this.newsroom.dropCachedPages();
		var second = this.http.get("/news/ports-reopen");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("ETag")).isPresent().isEqualTo(first.header("ETag"));
		String raw = first.body();
		String json = raw.substring(raw.indexOf("<script type=\"application/ld+json\">") + 35);
		JsonNode data = JsonMapper.builder().build().readTree(json.substring(0, json.indexOf("</script>")));
		for (JsonNode object : List.of(data, data.get("author").get(0), data.get("publisher"))) {
			List<String> keys = new ArrayList<>(object.propertyNames());
			assertThat(keys).as(object.toString()).isSorted();
		}
	}

}
