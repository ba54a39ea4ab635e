package org.gazette.site;

import java.io.ByteArrayInputStream;

import org.gazette.accounts.Role;
import org.gazette.content.Content;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaDetails;
import org.gazette.media.MediaLibrary;
import org.gazette.media.MediaInUseException;
import org.gazette.publishing.Publishing;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestImages;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Library images on public stories: the hero with its renditions and metadata, images in
 * the body, and an item in use that cannot be deleted.
 */
@GazetteWebTest
class StoryMediaTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	Content content;

	@Autowired
	Publishing publishing;

	@Autowired
	MediaLibrary media;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAccounts accounts;

	@Test
	void aHeroImageIsShownWithItsRenditionsAndInTheMetadata() {
		MediaAsset hero = upload(TestImages.jpeg(2400, 1200), "lanes.jpg", "Trucks in four new inspection lanes.");
		MediaAsset inline = upload(TestImages.png(800, 400), "chart.png", "Wait times fell by half.");
		String slug = "hero-" + hero.id();
		long id = this.content.createArticle(slug,
				this.stories.story("Lanes open with a hero " + hero.id())
					.body("Before.\n\n" + inline.markdown()
							+ "\n\n![elsewhere](https://tracker.example.com/pixel.gif)\n\nAfter.")
					.revision()
					.withHeroMediaId(hero.id()),
				"tester");
		this.publishing.publish(id, this.clock.instant());

		Document page = new Http(this.port).get("/news/" + slug).document();
		Element img = page.selectFirst("figure.gazette-hero img");
		assertThat(img).isNotNull();
		assertThat(img.attr("src")).isEqualTo(hero.url(480));
		assertThat(img.attr("srcset"))
			.isEqualTo(hero.url(480) + " 480w, " + hero.url(960) + " 960w, " + hero.url(1600) + " 1600w");
		assertThat(img.attr("sizes")).isNotBlank();
		assertThat(img.attr("width")).isEqualTo("1600");
		assertThat(img.attr("height")).isEqualTo("800");
		assertThat(img.attr("alt")).isEqualTo("Trucks in four new inspection lanes.");
		String absolute = "https://news.example.gov" + hero.url(1600);
		assertThat(page.select("meta[property=og:image]").attr("content")).isEqualTo(absolute);
		assertThat(page.select("script[type=application/ld+json]").html()).contains("\"image\":[\"" + absolute + "\"]");

		// The library's image stays in the body; an image from elsewhere does not.
		assertThat(page.select(".gazette-body img").eachAttr("src")).containsExactly(inline.url(800));
		assertThat(page.select(".gazette-body img").attr("alt")).isEqualTo("Wait times fell by half.");

		// In use: not deleted, and the item page says where.
		assertThatThrownBy(() -> this.media.delete(hero.id(), "editor@example.gov", null)).isInstanceOfSatisfying(
				MediaInUseException.class, (ex) -> assertThat(ex.uses()).extracting((use) -> use.href())
					.containsExactly("/admin/articles/" + id + "/edit"));
		this.accounts.forgetFailedSignIns();
		BackOffice editor = new BackOffice(this.port);
		editor.get("/admin/sign-in");
		this.accounts.signIn(editor, this.accounts.person(Role.EDITOR));
		BackOffice.Page item = editor.get("/admin/media/" + inline.id());
		assertThat(item.document().select("#uses a").eachText())
			.containsExactly("Lanes open with a hero " + hero.id() + " (in the text)");
		BackOffice.Page refused = editor.post("/admin/media/" + inline.id() + "/delete", java.util.Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(this.media.find(inline.id())).isPresent();
	}

	private MediaAsset upload(byte[] file, String name, String alt) {
		return this.media
			.upload(name, new ByteArrayInputStream(file), new MediaDetails("", alt, false, "", ""), "tester", null)
			.asset();
	}

}
