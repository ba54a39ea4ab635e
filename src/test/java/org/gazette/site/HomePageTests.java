package org.gazette.site;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@GazetteWebTest
class HomePageTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@BeforeEach
	void reset() {
		this.newsroom.reset();
	}

	@Test
	void showsTheBannerAndTheLatestStories() {
		var jane = this.stories.author("Jane Doe");
		this.stories.story("Ports Reopen After Storm").by(jane).publish();
		var page = new Http(this.port).get("/");
		assertThat(page.status()).isEqualTo(200);
		var document = page.document();
		assertThat(document.select(".usa-banner__header-text").text())
			.isEqualTo("An official website of the United States government");
		assertThat(document.select(".gazette-story-title").text()).isEqualTo("Ports Reopen After Storm");
		assertThat(document.select(".gazette-byline-text").text()).isEqualTo("By Jane Doe");
	}

}
