package org.gazette.site;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors are pages in the site's style with plain words, never a stack trace or a
 * framework page.
 */
@GazetteWebTest
class ErrorPageTests {

	@LocalServerPort
	int port;

	@Test
	void unknownAddressesGetTheSitesNotFoundPage() {
		var response = new Http(this.port).get("/no/such/page");
		assertThat(response.status()).isEqualTo(404);
		Document page = response.document();
		assertThat(page.title()).isEqualTo("Page not found | Newsroom");
		assertThat(page.select("h1").text()).isEqualTo("Page not found");
		assertThat(page.select(".usa-banner__header-text").text())
			.isEqualTo("An official website of the United States government");
		assertThat(page.select("main a").eachAttr("href")).contains("/", "/news");
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
	}

	@Test
	void writesToThePublicSiteAreRefusedPlainly() {
		var response = new Http(this.port).send("POST", "/news");
		assertThat(response.status()).isIn(403, 405);
		assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Exception");
	}

	@Test
	void aMethodAnAddressDoesNotTakeGetsA405NamingTheMethodsItDoes() {
		// One-click unsubscribing is a POST only (mail clients send it; a link must not
		// unsubscribe anyone).
		var response = new Http(this.port).get("/subscriptions/one-click/no-such-token");
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Allow")).hasValue("POST");
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = response.document();
		assertThat(page.select("h1").text()).isEqualTo("That action is not allowed here");
		assertThat(page.select(".usa-banner__header-text").text())
			.isEqualTo("An official website of the United States government");
		assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Exception");
	}

	@Test
	void malformedRequestsGetAPlain400() {
		Http http = new Http(this.port);
		for (String path : new String[] { "/news/%", "/news/%zz", "/news;jsessionid=1", "/news/..%252f..%252f",
				"/news//x", "/news?page=%", "/news/a\u0001b" }) {
			String[] response = http.raw("GET", path);
			assertThat(Integer.parseInt(response[0])).as(path).isBetween(400, 404);
			assertThat(response[1]).as(path).doesNotContain("Exception").doesNotContain("Whitelabel");
		}
	}

	@Test
	void theBackOfficeAsksStrangersToSignInAndActuatorStaysClosed() {
		var admin = new Http(this.port).get("/admin");
		assertThat(admin.status()).isEqualTo(302);
		assertThat(admin.header("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/admin/sign-in"));
		assertThat(new Http(this.port).get("/actuator/env").status()).isEqualTo(403);
	}

}
