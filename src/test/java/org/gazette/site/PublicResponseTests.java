package org.gazette.site;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers, no cookies, validators, conditional requests and compression on
 * public pages.
 */
@GazetteWebTest
class PublicResponseTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	Http http;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		var jane = this.stories.author("Jane Doe");
		var trade = this.stories.topic("Trade");
		this.stories.story("Ports Reopen").slug("ports-reopen").by(jane).about(trade).publish();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/", "/news", "/news/types/statement", "/news?type=statement&topic=trade", "/news/ports-reopen",
					"/authors/jane-doe", "/topics/trade", "/news/missing", "/news?page=x", "/news?page=2" })
	void everyPublicResponseCarriesSecurityHeadersAndSetsNoCookie(String path) {
		var response = this.http.get(path);
		String csp = response.header("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
				"frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'");
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.header("Referrer-Policy")).contains("strict-origin-when-cross-origin");
		assertThat(response.header("X-Frame-Options")).contains("DENY");
		assertThat(response.headers("Set-Cookie")).isEmpty();
		// HSTS is only meaningful, and only sent, over HTTPS.
		assertThat(response.header("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void sendsHstsWhenServedOverHttpsBehindAProxy() {
		var response = this.http.get("/news", "X-Forwarded-Proto", "https");
		assertThat(response.header("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
	}

	@Test
	void aCachedPageIsAnsweredWithTheSameHeadersAndBytesAsARenderedOne() {
		for (String path : new String[] { "/", "/news/ports-reopen", "/news?topic=trade", "/authors/jane-doe",
				"/news/types/news-release", "/news/years/2026" }) {
			for (String encoding : new String[] { "identity", "gzip" }) {
				this.newsroom.dropCachedPages();
				var rendered = this.http.get(path, "Accept-Encoding", encoding, "X-Forwarded-Proto", "https");
				var cached = this.http.get(path, "Accept-Encoding", encoding, "X-Forwarded-Proto", "https");
				var renderedHeaders = new java.util.TreeMap<>(rendered.allHeaders());
				var cachedHeaders = new java.util.TreeMap<>(cached.allHeaders());
				renderedHeaders.remove("date");
				cachedHeaders.remove("date");
				assertThat(cachedHeaders).as(path + " " + encoding).isEqualTo(renderedHeaders);
				assertThat(cached.rawBody()).isEqualTo(rendered.rawBody());
			}
		}
	}

	@Test
	void pagesHaveNoInlineScriptsOrStyles() {
		for (String path : new String[] { "/", "/news", "/news/ports-reopen", "/authors/jane-doe", "/news/missing" }) {
			var page = this.http.get(path).document();
			// JSON-LD is a data block: browsers never run it, so the CSP need not allow
			// it.
			assertThat(page.select("script:not([src]):not([type=application/ld+json])")).as(path).isEmpty();
			assertThat(page.select("style")).as(path).isEmpty();
			assertThat(page.select("[style]")).as(path).isEmpty();
		}
	}

	@Test
	void answersConditionalRequestsWith304() {
		var first = this.http.get("/news/ports-reopen");
		String etag = first.header("ETag").orElseThrow();
		String lastModified = first.header("Last-Modified").orElseThrow();
		assertThat(first.header("Cache-Control")).contains("no-cache");

		var byEtag = this.http.get("/news/ports-reopen", "If-None-Match", etag);
		assertThat(byEtag.status()).isEqualTo(304);
		assertThat(byEtag.rawBody()).isEmpty();
		assertThat(byEtag.header("ETag")).contains(etag);

		var byDate = this.http.get("/news/ports-reopen", "If-Modified-Since", lastModified);
		assertThat(byDate.status()).isEqualTo(304);

		assertThat(this.http.get("/news/ports-reopen", "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
		String longAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minus(Duration.ofDays(400)));
		assertThat(this.http.get("/news/ports-reopen", "If-Modified-Since", longAgo).status()).isEqualTo(200);
	}

	@Test
	void aChangeToTheStoryChangesItsValidators() {
		String before = this.http.get("/news").header("ETag").orElseThrow();
		this.stories.story("Another story").publish();
		var after = this.http.get("/news", "If-None-Match", before);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.header("ETag")).isNotEqualTo(before);
		assertThat(after.document().select(".gazette-story-title").eachText()).contains("Another story");
	}

	@Test
	void compressesForClientsThatAcceptGzip() {
		var plain = this.http.get("/news/ports-reopen");
		var gzipped = this.http.get("/news/ports-reopen", "Accept-Encoding", "gzip, deflate");
		assertThat(plain.header("Content-Encoding")).isEmpty();
		assertThat(gzipped.header("Content-Encoding")).contains("gzip");
		assertThat(gzipped.header("Vary")).hasValueSatisfying((vary) -> assertThat(vary).contains("Accept-Encoding"));
		assertThat(gzipped.rawBody().length).isLessThan(plain.rawBody().length / 2);
		assertThat(gzipped.body()).isEqualTo(plain.body());
		assertThat(gzipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
		assertThat(
				this.http.get("/news/ports-reopen", "Accept-Encoding", "gzip;q=0, identity").header("Content-Encoding"))
			.isEmpty();
	}

	@Test
	void headRequestsGetHeadersWithoutABody() {
		var head = this.http.send("HEAD", "/news/ports-reopen");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("ETag")).isPresent();
		assertThat(head.rawBody()).isEmpty();
	}

	@Test
	void staticAssetsAreVersionedAndCachedForAYear() {
		var page = this.http.get("/").document();
		String css = page.select("link[rel=stylesheet]").first().attr("href");
		assertThat(css).matches("/uswds/css/uswds\\.min-[0-9a-f]{32}\\.css");
		var asset = this.http.get(css);
		assertThat(asset.status()).isEqualTo(200);
		assertThat(asset.header("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000"));
		assertThat(asset.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		for (var script : page.select("script[src]")) {
			assertThat(this.http.get(script.attr("src")).status()).as(script.attr("src")).isEqualTo(200);
		}
		for (var image : page.select("img[src]")) {
			assertThat(this.http.get(image.attr("src")).status()).as(image.attr("src")).isEqualTo(200);
		}
	}

	@Test
	void theAnalyticsScriptIsOffByDefault() {
		assertThat(this.http.get("/").document().select("script[src*=dap.digitalgov.gov]")).isEmpty();
	}

}
