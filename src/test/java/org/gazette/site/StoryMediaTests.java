package org.gazette.site;

import java.io.ByteArrayInputStream;

import org.gazette.accounts.Role;
import org.gazette.content.Content;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaDetails;
import org.gazette.media.MediaLibrary;
import org.gazette.media.MediaInUseException;
import org.gazette.publishing.NewPreviewLink;
import org.gazette.publishing.PreviewLinks;
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
	PreviewLinks previewLinks;

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

	@Test
	void documentsAreListedUnderTheStoryWithTypeAndSizeAndInTheApi() {
		MediaAsset sheet = this.media
			.upload("fact-sheet-" + System.nanoTime() + ".pdf", new ByteArrayInputStream(TestImages.pdf()),
					new MediaDetails("Fact sheet", "", false, "", ""), "tester", null)
			.asset();
		MediaAsset photo = upload(TestImages.png(640, 320), "kit.png", "A press kit.");
		String slug = "documents-" + sheet.id();
		long id = this.content.createArticle(slug,
				this.stories.story("Lanes open with a fact sheet " + sheet.id())
					.revision()
					.withDocumentIds(java.util.List.of(sheet.id())),
				"tester");
		this.publishing.publish(id, this.clock.instant());

		Http http = new Http(this.port);
		Document page = http.get("/news/" + slug).document();
		Element item = page.selectFirst(".gazette-documents li");
		assertThat(item).isNotNull();
		assertThat(item.text()).isEqualTo("Fact sheet (PDF, " + sheet.sizeLabel() + ")");
		assertThat(item.selectFirst("a").attr("href")).isEqualTo(sheet.url());
		Http.Response file = http.get(sheet.url());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).contains("application/pdf");

		String api = http.get("/api/v1/articles/" + slug).body();
		assertThat(api)
			.contains("\"documents\":[{\"title\":\"Fact sheet\",\"url\":\"https://news.example.gov" + sheet.url()
					+ "\",\"type\":\"PDF\",\"mediaType\":\"application/pdf\",\"bytes\":" + sheet.byteSize() + "}]");

		// Where it is used comes from what the revision recorded; in use, it stays.
		assertThat(this.media.usesOf(sheet)).extracting((use) -> use.description())
			.containsExactly("Lanes open with a fact sheet " + sheet.id() + " (listed document)");
		assertThatThrownBy(() -> this.media.delete(sheet.id(), "editor@example.gov", null))
			.isInstanceOf(MediaInUseException.class);

		// An image is not a document, and a document is listed once; nothing is saved.
		assertThatThrownBy(() -> this.content.revise(id,
				this.stories.story("Twice").revision().withDocumentIds(java.util.List.of(sheet.id(), sheet.id())),
				"tester"))
			.isInstanceOfSatisfying(org.gazette.content.InvalidContentException.class, (ex) -> assertThat(ex.byField())
				.containsEntry("documentIds", java.util.List.of("A document is listed twice.")));
		assertThatThrownBy(() -> this.content.revise(id,
				this.stories.story("Image").revision().withDocumentIds(java.util.List.of(photo.id())), "tester"))
			.isInstanceOfSatisfying(org.gazette.content.InvalidContentException.class,
					(ex) -> assertThat(ex.byField().get("documentIds")).singleElement()
						.asString()
						.contains("is an image, not a document"));
		assertThatThrownBy(() -> this.content.revise(id,
				this.stories.story("Document hero").revision().withHeroMediaId(sheet.id()), "tester"))
			.isInstanceOfSatisfying(org.gazette.content.InvalidContentException.class,
					(ex) -> assertThat(ex.byField().get("heroMediaId")).singleElement()
						.asString()
						.contains("is a document, not an image"));
		assertThat(this.content.workingRevision(id).orElseThrow().documentIds()).containsExactly(sheet.id());
	}

	@Test
	void theEditorsPreviewShowsTheHeroAndTheDocumentsAsReadersWillSeeThem() {
		MediaAsset hero = upload(TestImages.jpeg(1200, 600), "bridge.jpg", "The new bridge at dusk.");
		MediaAsset sheet = this.media
			.upload("bridge-facts-" + System.nanoTime() + ".pdf", new ByteArrayInputStream(TestImages.pdf()),
					new MediaDetails("Bridge facts", "", false, "", ""), "tester", null)
			.asset();
		this.accounts.forgetFailedSignIns();
		BackOffice editor = new BackOffice(this.port);
		editor.get("/admin/sign-in");
		this.accounts.signIn(editor, this.accounts.person(Role.EDITOR));
		editor.get("/admin/articles/new");
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("title", "Bridge opens");
		form.put("type", "news-release");
		form.put("summary", "The bridge opens.");
		form.put("bodyMarkdown", "It opens today.");
		form.put("heroMediaId", Long.toString(hero.id()));
		form.put("documentIds", Long.toString(sheet.id()));

		Document preview = editor.post("/admin/articles/preview", form).document();
		assertThat(preview.selectFirst("figure.gazette-hero img").attr("alt")).isEqualTo("The new bridge at dusk.");
		assertThat(preview.selectFirst("figure.gazette-hero img").attr("srcset")).contains(hero.url(960) + " 960w");
		assertThat(preview.select(".gazette-documents li").text())
			.isEqualTo("Bridge facts (PDF, " + sheet.sizeLabel() + ")");
	}

	@Test
	void aPreviewLinkShowsTheHeroAndTheDocumentsOfTheRevisionItWasMadeFor() {
		MediaAsset hero = upload(TestImages.jpeg(1200, 600), "pier.jpg", "The rebuilt pier at low tide.");
		MediaAsset sheet = this.media
			.upload("pier-facts-" + System.nanoTime() + ".pdf", new ByteArrayInputStream(TestImages.pdf()),
					new MediaDetails("Pier facts", "", false, "", ""), "tester", null)
			.asset();
		long id = this.content.createArticle("pier-" + hero.id(),
				this.stories.story("Pier rebuilt " + hero.id())
					.revision()
					.withHeroMediaId(hero.id())
					.withDocumentIds(java.util.List.of(sheet.id())),
				"tester");
		NewPreviewLink link = this.previewLinks.create(id, "tester", java.time.Duration.ofDays(1), null);

		Document preview = new Http(this.port).get("/preview/" + link.token()).document();
		assertThat(preview.selectFirst("figure.gazette-hero img").attr("alt"))
			.isEqualTo("The rebuilt pier at low tide.");
		assertThat(preview.select(".gazette-documents li").text())
			.isEqualTo("Pier facts (PDF, " + sheet.sizeLabel() + ")");
	}

	@Test
	void changingAnItemsDetailsRefreshesTheCachedPagesOfStoriesShowingIt() {
		MediaAsset hero = upload(TestImages.jpeg(1000, 500), "dock.jpg", "A dock at dawn.");
		String slug = "changed-hero-" + hero.id();
		long id = this.content.createArticle(slug,
				this.stories.story("A dock " + hero.id()).revision().withHeroMediaId(hero.id()), "tester");
		this.publishing.publish(id, this.clock.instant());
		Http http = new Http(this.port);
		Http.Response first = http.get("/news/" + slug);
		assertThat(first.document().select("figure.gazette-hero img").attr("alt")).isEqualTo("A dock at dawn.");
		String etag = first.header("ETag").orElseThrow();
		// Served again from the cache, unchanged.
		assertThat(http.get("/news/" + slug, "If-None-Match", etag).status()).isEqualTo(304);

		this.media.update(hero.id(), new MediaDetails("Dock", "Two ships at the dock at dawn.", false, "The new dock.",
				"Photo: Port office"), "editor@example.gov", null);

		Http.Response after = http.get("/news/" + slug, "If-None-Match", etag);
		assertThat(after.status()).isEqualTo(200);
		Document page = after.document();
		assertThat(page.select("figure.gazette-hero img").attr("alt")).isEqualTo("Two ships at the dock at dawn.");
		assertThat(page.select("figure.gazette-hero figcaption").text()).isEqualTo("The new dock. Photo: Port office");
	}

	@Test
	void replacingAFileKeepsTheItemAndItsReferencesAndRefreshesThePages() {
		byte[] original = TestImages.jpeg(1200, 600);
		byte[] otherFile = TestImages.png(300, 200);
		MediaAsset old = upload(original, "pier.jpg", "The old pier.");
		upload(otherFile, "other.png", "Another image.");
		String slug = "replaced-" + old.id();
		long id = this.content.createArticle(slug,
				this.stories.story("A pier " + old.id())
					.body("Before.\n\n" + old.markdown())
					.revision()
					.withHeroMediaId(old.id()),
				"tester");
		this.publishing.publish(id, this.clock.instant());
		Http http = new Http(this.port);
		String etag = http.get("/news/" + slug).header("ETag").orElseThrow();

		// Refused, nothing changed: another kind, the same file, another item's file.
		assertThatThrownBy(() -> replace(old.id(), "pier.pdf", TestImages.pdf()))
			.hasMessageContaining("An image is replaced by another image");
		assertThatThrownBy(() -> replace(old.id(), "pier.jpg", original))
			.hasMessageContaining("This is the file the item already has.");
		assertThatThrownBy(() -> replace(old.id(), "other.png", otherFile))
			.hasMessageContaining("This file is already in the library as “other”");
		assertThatThrownBy(() -> replace(old.id(), "again.png", TestImages.truncated(TestImages.png(50, 50))))
			.hasMessageContaining("could not be read");
		assertThat(this.media.find(old.id()).orElseThrow().sha256()).isEqualTo(old.sha256());
		assertThat(this.media.formerFiles(old.id())).isEmpty();

		MediaAsset now = this.media.replace(old.id(), "pier-new.png",
				new ByteArrayInputStream(TestImages.png(1000, 500)), "editor@example.gov", null);
		assertThat(now.id()).isEqualTo(old.id());
		assertThat(now.sha256()).isNotEqualTo(old.sha256());
		assertThat(now.extension()).isEqualTo("png");
		assertThat(now.altText()).isEqualTo("The old pier.");
		assertThat(this.media.formerFiles(old.id())).singleElement().satisfies((former) -> {
			assertThat(former.sha256()).isEqualTo(old.sha256());
			assertThat(former.replacedBy()).isEqualTo("editor@example.gov");
		});

		// The cached page refreshed: the hero is the new file.
		Http.Response page = http.get("/news/" + slug, "If-None-Match", etag);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("figure.gazette-hero img").attr("srcset")).contains(now.sha256())
			.doesNotContain(old.sha256());
		// The body, saved with the old address, leads to the new file.
		String inBody = page.document().select(".gazette-body img").attr("src");
		assertThat(inBody).isEqualTo(old.url(960));
		Http.Response moved = http.get(inBody);
		assertThat(moved.status()).isEqualTo(301);
		assertThat(moved.header("Location")).contains(now.url(960));
		Http.Response file = http.get(now.url(960));
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).contains("image/png");

		// Still used, through the old address in the text too: not deleted.
		assertThat(this.media.usesOf(now)).extracting((use) -> use.description())
			.containsExactly("A pier " + old.id() + " (in the text)", "A pier " + old.id() + " (hero image)");
		assertThatThrownBy(() -> this.media.delete(old.id(), "editor@example.gov", null))
			.isInstanceOf(MediaInUseException.class);
	}

	private MediaAsset replace(long id, String name, byte[] file) {
		return this.media.replace(id, name, new ByteArrayInputStream(file), "editor@example.gov", null);
	}

	private MediaAsset upload(byte[] file, String name, String alt) {
		return this.media
			.upload(name, new ByteArrayInputStream(file), new MediaDetails("", alt, false, "", ""), "tester", null)
			.asset();
	}

}
