package org.gazette.admin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gazette.accounts.Role;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaLibrary;
import org.gazette.media.MediaProperties;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestAccounts.Person;
import org.gazette.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library over real HTTP: uploads through the multipart form, the files as
 * served, a corpus of bad files each refused with its message and nothing stored, and who
 * may change or delete what.
 */
@GazetteWebTest
class MediaLibraryPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MediaLibrary library;

	@Autowired
	MediaProperties properties;

	@Autowired
	JdbcClient jdbc;

	private BackOffice contributor;

	private Person contributorPerson;

	@BeforeEach
	void signIn() {
		this.accounts.forgetFailedSignIns();
		this.contributorPerson = this.accounts.person(Role.CONTRIBUTOR);
		this.contributor = signedIn(this.contributorPerson);
	}

	@Test
	void anImageIsReencodedIntoRenditionsAndServedForGood() throws IOException {
		byte[] photo = TestImages.jpegWithExif(2000, 1000, "38.8977N-77.0365W");
		BackOffice.Page answer = this.contributor.upload("/admin/media",
				Map.of("altText", "Inspectors at the Laredo crossing.", "caption", "Lane 4", "credit", "Photo: J. Doe"),
				"laredo.jpg", photo);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).matches("/admin/media/\\d+\\?uploaded");
		MediaAsset asset = asset(answer);
		assertThat(asset.renditions()).containsExactly(480, 960, 1600);
		assertThat(asset.width()).isEqualTo(1600);
		assertThat(asset.height()).isEqualTo(800);
		assertThat(asset.title()).isEqualTo("laredo");

		HttpResponse<byte[]> served = this.contributor.bytes(asset.url(960));
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");
		assertThat(served.headers().firstValue("Cache-Control")).contains("max-age=31536000, public, immutable");
		assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
		assertThat(bytes).doesNotContain("38.8977N").doesNotContain("Exif");

		BackOffice.Page item = this.contributor.get(answer.location());
		assertThat(item.status()).isEqualTo(200);
		assertThat(item.document().select("#markdown").text())
			.isEqualTo("![Inspectors at the Laredo crossing.](" + asset.url(960) + ")");
		assertThat(item.document().select("figure img").attr("srcset")).contains(asset.url(480) + " 480w");

		// The same bytes again: the same item, nothing new stored.
		long files = storedFiles();
		BackOffice.Page again = this.contributor.upload("/admin/media", Map.of("altText", "Other words."),
				"copy-of-laredo.jpg", photo);
		assertThat(again.location()).isEqualTo("/admin/media/" + asset.id() + "?reused");
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void anItemsFileIsReplacedFromItsPageAndTheFormerOneKept() {
		MediaAsset asset = asset(this.contributor.upload("/admin/media", Map.of("altText", "A buoy."), "buoy.png",
				TestImages.png(640, 320)));
		String replace = "/admin/media/" + asset.id() + "/replace";
		BackOffice.Page wrongKind = this.contributor.upload(replace, Map.of(), "buoy.pdf", TestImages.pdf());
		assertThat(wrongKind.status()).isEqualTo(422);
		assertThat(wrongKind.fieldError("replacement").orElseThrow())
			.startsWith("An image is replaced by another image");
		assertThat(wrongKind.document().select(".usa-alert--error a[href=#replacement]")).hasSize(1);
		BackOffice.Page noFile = this.contributor.post(replace, Map.of());
		assertThat(noFile.status()).isEqualTo(422);
		assertThat(noFile.fieldError("replacement")).contains("Choose the new file to upload.");

		BackOffice.Page replaced = this.contributor.upload(replace, Map.of(), "buoy-2.jpg", TestImages.jpeg(800, 400));
		assertThat(replaced.location()).isEqualTo("/admin/media/" + asset.id() + "?replaced");
		MediaAsset now = this.library.find(asset.id()).orElseThrow();
		assertThat(now.fileName()).isEqualTo("buoy-2.jpg");
		assertThat(now.renditions()).containsExactly(480, 800);
		BackOffice.Page item = this.contributor.get(replaced.location());
		assertThat(item.document().select("#former-files li").text()).startsWith("buoy.png (")
			.contains("replaced by " + this.contributorPerson.email());
		// The former file's address leads to the current one.
		HttpResponse<byte[]> former = this.contributor.bytes(asset.url(640));
		assertThat(former.statusCode()).isEqualTo(301);
		assertThat(former.headers().firstValue("Location")).contains(now.url(480));
		assertThat(this.contributor.bytes(now.url(480)).statusCode()).isEqualTo(200);
		// Someone else's upload: only editors replace it.
		BackOffice other = signedIn(this.accounts.person(Role.CONTRIBUTOR));
		assertThat(other.upload(replace, Map.of(), "buoy-3.jpg", TestImages.jpeg(300, 200)).status()).isEqualTo(403);
		assertThat(this.library.find(asset.id()).orElseThrow().sha256()).isEqualTo(now.sha256());
	}

	@Test
	void smallImagesAreNeverScaledUp() {
		MediaAsset asset = asset(this.contributor.upload("/admin/media", Map.of("altText", "A seal."), "seal.png",
				TestImages.png(700, 350)));
		assertThat(asset.renditions()).containsExactly(480, 700);
		assertThat(asset.extension()).isEqualTo("png");
		assertThat(this.contributor.bytes(asset.url(700)).headers().firstValue("Content-Type")).contains("image/png");
		assertThat(this.contributor.bytes(asset.url(1600)).statusCode()).isEqualTo(404);
	}

	@Test
	void aPolyglotIsServedClean() {
		byte[] polyglot = TestImages.followedBy(TestImages.png(300, 200), "<html><script>alert(1)</script></html>");
		MediaAsset asset = asset(
				this.contributor.upload("/admin/media", Map.of("altText", "A chart."), "chart.png", polyglot));
		String served = new String(this.contributor.bytes(asset.url(300)).body(), StandardCharsets.ISO_8859_1);
		assertThat(served).doesNotContain("<script").doesNotContain("<html");
	}

	@Test
	void aDocumentIsCheckedAndDownloadedUnderItsName() {
		BackOffice.Page answer = this.contributor.upload("/admin/media", Map.of("title", "Fact sheet"),
				"Fact sheet été.pdf", TestImages.pdf());
		assertThat(answer.status()).isEqualTo(302);
		MediaAsset asset = asset(answer);
		HttpResponse<byte[]> served = this.contributor.bytes(asset.url());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(served.headers().firstValue("Content-Disposition"))
			.contains("attachment; filename=\"Fact sheet _t_.pdf\"; filename*=UTF-8''Fact%20sheet%20%C3%A9t%C3%A9.pdf");
		assertThat(asset.documentLabel()).matches("Fact sheet \\(PDF, \\d+ (bytes|KB)\\)");
		// A document needs a title.
		BackOffice.Page untitled = this.contributor.upload("/admin/media", Map.of(), "untitled.pdf", TestImages.pdf());
		assertThat(untitled.status()).isEqualTo(422);
		assertThat(untitled.fieldError("title")).contains("Enter a title: readers see it as the link to the document.");
	}

	@Test
	void badFilesAreRefusedWithAClearMessageAndNothingIsStored() throws IOException {
		long files = storedFiles();
		long rows = rows();
		byte[] png = TestImages.png(64, 64);
		Map<String, String> alt = Map.of("altText", "Alt.");
		refused("photo.pdf", png, alt, "The file is named “photo.pdf” but its content is a PNG image");
		refused("photo.png", TestImages.jpeg(64, 64), alt, "its content is a JPEG image, which should end in .jpg");
		refused("photo", png, alt, "The file is named “photo” but its content is a PNG image");
		refused("truncated.jpg", TestImages.truncated(TestImages.jpeg(400, 300)), alt,
				"could not be read as one: it may be damaged or incomplete");
		refused("truncated.png", TestImages.truncated(TestImages.png(400, 300)), alt,
				"could not be read as one: it may be damaged or incomplete");
		refused("bomb.png", TestImages.pngClaiming(100_000, 100_000), alt,
				"The image is 100,000 × 100,000 pixels; the library accepts images of up to 50 megapixels.");
		refused("empty.jpg", new byte[0], alt, "The file is empty (0 bytes).");
		refused("../../etc/passwd.png", png, alt, "The file name must be a plain name such as photo.jpg");
		refused("..\\..\\boot.png", png, alt, "The file name must be a plain name such as photo.jpg");
		refused("bell\u0007.png", png, alt, "The file name must be a plain name such as photo.jpg");
		refused("a".repeat(300) + ".png", png, alt, "The file name is longer than 255 characters.");
		refused("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8), alt, "SVG images are not accepted: they can carry scripts");
		refused("report.pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
				Map.of("title", "Report"), "This file is a web page or script, not an image or a document.");
		refused("notes.txt", "just text".getBytes(StandardCharsets.UTF_8), alt,
				"The library accepts JPEG, PNG, GIF and WebP images and PDF documents.");
		refused("script.pdf", TestImages.pdfWithJavaScript(), Map.of("title", "Script"),
				"The PDF contains scripts, attached files or actions that open other programs");
		refused("cut.pdf", TestImages.truncated(TestImages.pdf()), Map.of("title", "Cut"),
				"The PDF is incomplete: it does not end as a PDF must.");
		refused("no-alt.png", TestImages.png(64, 64), Map.of(), "Describe the image for people who cannot see it");
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(rows()).isEqualTo(rows);
		assertThat(this.contributor.get("/admin").status()).isEqualTo(200);
	}

	@Test
	void aFileOverTheLimitGetsAPlainPage() throws IOException {
		long files = storedFiles();
		BackOffice.Page answer = this.contributor.upload("/admin/media", Map.of("altText", "Big."), "big.jpg",
				new byte[(int) this.properties.maxUploadSize().toBytes() + 100_000]);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.document().select("h1").text()).isEqualTo("File too large");
		assertThat(answer.document().select("main").text()).contains("larger than 20 MB");
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void aDecorativeImageNeedsNoAltText() {
		MediaAsset asset = asset(this.contributor.upload("/admin/media", Map.of("decorative", "true", "altText", "x"),
				"divider.gif", TestImages.gif(600, 20)));
		assertThat(asset.decorative()).isTrue();
		assertThat(asset.alt()).isEmpty();
		assertThat(asset.extension()).isEqualTo("png");
	}

	@Test
	void searchesByTitleAltTextAndCaptionAndFiltersByKind() {
		String word = "zebra" + Long.toHexString(System.nanoTime());
		asset(this.contributor.upload("/admin/media", Map.of("altText", "A " + word + " crossing."), "a.png",
				TestImages.png(50, 50)));
		asset(this.contributor.upload("/admin/media", Map.of("title", word + " plan"), "plan.pdf", TestImages.pdf()));
		BackOffice.Page all = this.contributor.get("/admin/media?q=" + word);
		assertThat(all.document().select("tbody tr")).hasSize(2);
		BackOffice.Page documents = this.contributor.get("/admin/media?q=" + word.toUpperCase() + "&kind=document");
		assertThat(documents.document().select("tbody th a").eachText()).containsExactly(word + " plan");
		assertThat(this.contributor.get("/admin/media?q=%25&kind=nonsense&page=x").status()).isEqualTo(200);
	}

	@Test
	void contributorsChangeTheirOwnUploadsEditorsAnyAndOnlyEditorsDelete() {
		MediaAsset asset = asset(this.contributor.upload("/admin/media", Map.of("altText", "Old words."), "own.png",
				TestImages.png(90, 90)));
		String item = "/admin/media/" + asset.id();
		this.contributor.get(item);
		BackOffice.Page saved = this.contributor.post(item,
				Map.of("title", "Own", "altText", "New words.", "caption", "", "credit", ""));
		assertThat(saved.location()).isEqualTo(item + "?saved");
		assertThat(this.library.find(asset.id()).orElseThrow().altText()).isEqualTo("New words.");
		assertThat(this.contributor.post(item + "/delete", Map.of()).status()).isEqualTo(403);

		BackOffice other = signedIn(this.accounts.person(Role.CONTRIBUTOR));
		other.get(item);
		assertThat(other.post(item, Map.of("title", "Theirs", "altText", "Changed.")).status()).isEqualTo(403);
		BackOffice.Page empty = this.contributor.post(item, Map.of("title", "Own", "altText", ""));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.fieldError("altText")).isPresent();

		BackOffice editor = signedIn(this.accounts.person(Role.EDITOR));
		editor.get(item);
		assertThat(editor.post(item + "/delete", Map.of()).location()).isEqualTo("/admin/media?deleted");
		assertThat(this.library.find(asset.id())).isEmpty();
		assertThat(editor.bytes(asset.url(90)).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from audit_event where target_type = 'media' and target_id = :id")
			.param("id", Long.toString(asset.id()))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void filesAreServedOnlyByTheirHashedNames() {
		assertThat(this.contributor.bytes("/media/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
		assertThat(this.contributor.bytes("/media/" + "a".repeat(64) + "-480.jpg").statusCode()).isEqualTo(404);
		assertThat(this.contributor.bytes("/media/" + "A".repeat(64) + ".pdf").statusCode()).isEqualTo(404);
		assertThat(this.contributor.bytes("/media/x.jpg").statusCode()).isEqualTo(404);
	}

	private void refused(String fileName, byte[] content, Map<String, String> fields, String message) {
		BackOffice.Page answer = this.contributor.upload("/admin/media", fields, fileName, content);
		assertThat(answer.status()).as(fileName).isEqualTo(422);
		String field = message.startsWith("Describe") ? "altText" : "file";
		assertThat(answer.fieldError(field)).as(fileName)
			.hasValueSatisfying((text) -> assertThat(text).contains(message));
		assertThat(answer.document().select(".usa-alert--error a[href=#" + field + "]")).as(fileName).hasSize(1);
	}

	private MediaAsset asset(BackOffice.Page answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		long id = Long.parseLong(answer.location().replaceAll("^/admin/media/(\\d+).*$", "$1"));
		return this.library.find(id).orElseThrow();
	}

	private BackOffice signedIn(Person person) {
		BackOffice client = new BackOffice(this.port);
		client.get("/admin/sign-in");
		assertThat(this.accounts.signIn(client, person).status()).isEqualTo(302);
		client.get("/admin/media");
		return client;
	}

	private long storedFiles() throws IOException {
		Path root = this.properties.directory();
		if (!Files.isDirectory(root)) {
			return 0;
		}
		try (var files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private long rows() {
		return this.jdbc.sql("select count(*) from media_asset").query(Long.class).single();
	}

}
