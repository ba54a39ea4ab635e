package org.gazette.syndication;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.gazette.content.Content;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.ChangeLog;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicContentChanged;
import org.gazette.publishing.Publishing;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.Takedown;
import org.gazette.site.SitePages;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.gazette.support.MutableClock;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The static export against the running application: the same bytes as the server for
 * every address, a failed export that leaves the previous one served, incremental
 * exports, the link styles and the export that keeps itself up to date.
 */
@GazetteWebTest
class StaticExportTests {

	@LocalServerPort
	int port;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Autowired
	MutableClock clock;

	@Autowired
	StaticExport export;

	@Autowired
	Publishing publishing;

	@Autowired
	Content content;

	@Autowired
	SitePages sitePages;

	@Autowired
	ChannelFiles channels;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	Newsroom newsroomReads;

	@Autowired
	GazetteProperties properties;

	@Autowired
	ExportProperties settings;

	@Autowired
	ExportClaimRepository claims;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Redirects redirects;

	@Autowired
	WebProperties web;

	@Autowired
	SiteUrls siteUrls;

	@TempDir
	Path temporary;

	Http http;

	Path site;

	long storyOne;

	@BeforeEach
	void newsroom() {
		this.newsroom.reset();
		this.http = new Http(this.port);
		this.storyOne = ExportFixture.build(this.stories);
		this.site = this.temporary.resolve("site");
	}

	@Test
	void everyExportedFileIsWhatTheServerSendsForItsAddress() throws Exception {
		ExportReport report = this.export.export(this.site, options(LinkStyle.ROOT));
		Map<String, Path> files = ExportFixture.files(this.site);
		assertThat(files).containsKeys("index.html", "news/index.html", "news/page/2/index.html",
				"news/page/3/index.html", "news/types/statement/index.html", "news/years/2024/index.html",
				"news/years/2025/index.html", "topics/trade/index.html", "topics/travel/index.html",
				"authors/jane-doe/index.html", "authors/jane-doe/page/2/index.html", "news/story-1/index.html",
				"news/story-44/index.html", "feeds/all.rss", "feeds/all.atom", "feeds/topics/trade.atom",
				"feeds/authors/ann-lee.rss", "feeds/types/statement.rss", "sitemap.xml", "sitemaps/pages.xml",
				"sitemaps/stories-1.xml", "sitemaps/news.xml", "robots.txt", "404.html", "css/gazette.css",
				"uswds/css/uswds.min.css", "uswds/js/uswds.min.js");
		assertThat(files).doesNotContainKeys("news/scheduled-story/index.html", "news/page/4/index.html");
		assertThat(report.pages()).isEqualTo(files.keySet().stream().filter((f) -> f.endsWith("index.html")).count());
		assertThat(report.files()).isEqualTo(files.size());
		assertThat(report.nextRelease()).isEqualTo(ExportFixture.SCHEDULED);
		for (Map.Entry<String, Path> file : files.entrySet()) {
			String address = ExportFixture.address(file.getKey());
			if (file.getKey().equals("404.html")) {
				address = "/no-such-page";
			}
			var response = this.http.get(address);
			assertThat(response.status()).as(address).isEqualTo(file.getKey().equals("404.html") ? 404 : 200);
			if (file.getKey().matches(".*\\.(html|css|xml|rss|atom|txt)")) {
				// As text, so that a difference shows where it is.
				assertThat(Files.readString(file.getValue())).as(address).isEqualTo(response.body());
			}
			assertThat(Files.readAllBytes(file.getValue())).as(address).isEqualTo(response.rawBody());
		}
		// Pages link to the hashed assets, and the style sheets to hashed fonts and
		// icons, all of which are there.
		Document home = Jsoup.parse(ExportFixture.read(files.get("index.html")));
		String css = home.select("link[rel=stylesheet]").first().attr("href");
		assertThat(css).matches("/uswds/css/uswds\\.min-[0-9a-f]{32}\\.css");
		assertThat(ExportFixture.read(files.get(css.substring(1))))
			.containsPattern("url\\(/uswds/fonts/[^)]+-[0-9a-f]{32}\\.woff2\\)");
		assertThat(ExportFixture.read(files.get("robots.txt")))
			.contains("Sitemap: https://news.example.gov/sitemap.xml");
		assertThat(ExportFixture.read(files.get("sitemaps/stories-1.xml")))
			.contains("<loc>https://news.example.gov/news/story-44</loc>")
			.doesNotContain("scheduled-story");
	}

	@Test
	void aBrokenInternalLinkFailsTheExportWithAClearMessageAndLeavesThePreviousOne() throws Exception {
		this.export.export(this.site, options(LinkStyle.ROOT));
		Path before = this.site.toRealPath();
		Map<String, Path> files = ExportFixture.files(this.site);

		this.stories.story("Budget")
			.slug("budget")
			.body("Read [the missing story](/news/missing) and [the old list](/news/page/9).")
			.releasedAt(this.clock.instant().minus(Duration.ofHours(1)))
			.publish();
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> this.export.export(this.site, options(LinkStyle.ROOT)))
			.withMessageContaining("The export has 2 broken links")
			.withMessageContaining("/news/budget links to /news/missing, which is not in the export")
			.withMessageContaining("/news/budget links to /news/page/9, which is not in the export")
			.withMessageContaining("nothing was changed");

		assertThat(this.site.toRealPath()).isEqualTo(before);
		assertThat(ExportFixture.files(this.site)).isEqualTo(files);
		assertThat(ExportFixture.files(this.site)).doesNotContainKey("news/budget/index.html");
		assertThat(versions()).containsExactly(before.getFileName().toString());
	}

	@Test
	void anExportThatFailsOrIsKilledHalfwayLeavesThePreviousOneCompleteAndServed() throws Exception {
		this.export.export(this.site, options(LinkStyle.ROOT));
		Path before = this.site.toRealPath();
		Map<String, Path> files = ExportFixture.files(this.site);
		byte[] home = Files.readAllBytes(files.get("index.html"));
		this.stories.story("New story").releasedAt(this.clock.instant().minus(Duration.ofHours(1))).publish();

		// A source of files that fails once some pages are written.
		StaticFiles failing = new StaticFiles() {
			@Override
			public String name() {
				return "media";
			}

			@Override
			public List<StaticFile> files() {
				return List.of(new StaticFile("/media/broken.jpg", null, () -> {
					throw new IOException("Disk quota exceeded");
				}));
			}
		};
		StaticExport withFailingMedia = new StaticExport(this.sitePages, this.channels, List.of(failing),
				this.changeLog, this.newsroomReads, this.properties, this.settings, this.clock);
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> withFailingMedia.export(this.site, options(LinkStyle.ROOT)))
			.withMessageContaining("Disk quota exceeded");
		assertThat(this.site.toRealPath()).isEqualTo(before);
		assertThat(Files.readAllBytes(this.site.resolve("index.html"))).isEqualTo(home);
		assertThat(versions()).containsExactly(before.getFileName().toString());

		// What a killed export leaves: a half-written directory no link points to.
		Path killed = before.resolveSibling("20261127T200500Z");
		Files.createDirectories(killed.resolve("news/new-story"));
		Files.writeString(killed.resolve("news/new-story/index.html"), "<!DOCTYPE html><p>half");
		assertThat(this.site.toRealPath()).isEqualTo(before);
		assertThat(ExportFixture.files(this.site)).isEqualTo(files);

		// The next export goes ahead and cleans up.
		ExportReport next = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(this.site.toRealPath()).isEqualTo(next.version().toRealPath());
		assertThat(ExportFixture.files(this.site)).containsKey("news/new-story/index.html");
		assertThat(versions()).containsExactlyInAnyOrder(before.getFileName().toString(),
				next.version().getFileName().toString());
	}

	@Test
	void anIncrementalExportRewritesOnlyWhatChanged() throws Exception {
		ExportReport first = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(first.written()).isEqualTo(first.files());
		Map<String, Object> identities = identities();

		assertThat(first.rendered()).isEqualTo(first.pages());
		ExportReport unchanged = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(unchanged.written()).isZero();
		assertThat(unchanged.kept()).isEqualTo(first.files());
		assertThat(identities()).isEqualTo(identities);
		// Only the home page, which is always rendered: no story or listing page. Of the
		// feeds, only those without entries (whose date is the newest change anywhere).
		assertThat(unchanged.rendered()).isEqualTo(1);
		assertThat(first.feedsMade()).isGreaterThan(10);
		assertThat(unchanged.feedsMade()).isEqualTo(emptyFeeds());

		// A new title for story 1: its page, the listings and feeds that show it change.
		this.stories.revise(this.storyOne, "Story one, retitled");
		this.publishing.publish(this.storyOne, null);
		ExportReport changed = this.export.export(this.site, options(LinkStyle.ROOT));
		Map<String, Object> after = identities();
		List<String> rewritten = new ArrayList<>();
		after.forEach((file, identity) -> {
			if (!identity.equals(identities.get(file))) {
				rewritten.add(file);
			}
		});
		assertThat(changed.written()).isEqualTo(rewritten.size());
		assertThat(changed.kept()).isEqualTo(changed.files() - changed.written());
		assertThat(rewritten).contains("news/story-1/index.html", "news/index.html", "feeds/all.atom",
				"sitemaps/stories-1.xml");
		assertThat(rewritten).doesNotContain("news/story-2/index.html", "news/story-44/index.html",
				"news/page/3/index.html", "css/gazette.css", "uswds/css/uswds.min.css");
		assertThat(changed.written()).isLessThan(changed.files() / 5);
		assertThat(ExportFixture.read(this.site.resolve("news/story-1/index.html"))).contains("Story one, retitled");
		// Rendered: the story, the home page, and the first page of each listing it is on
		// (all news, its kind, its year, its topic, its author); not the other 46 pages.
		assertThat(changed.rendered()).isEqualTo(7);
		// The feeds that carry story 1 (each rewritten), and the empty ones; the others
		// are kept without being made.
		long feedsRewritten = rewritten.stream().filter((file) -> file.startsWith("feeds/")).count();
		assertThat(feedsRewritten).isGreaterThanOrEqualTo(4);
		assertThat(changed.feedsMade()).isEqualTo(emptyFeeds() + feedsRewritten);
		assertSameAsAFullExport();

		ExportReport full = this.export.export(this.site, new ExportOptions(LinkStyle.ROOT, null, true));
		assertThat(full.written()).isEqualTo(full.files());
	}

	@Test
	void anExportByTheSameBuildTakesTheAssetListFromThePreviousOne() throws Exception {
		AssetFiles assets = new AssetFiles(this.web, this.siteUrls, () -> "build-1");
		List<StaticFiles.StaticFile> listed = assets.files(Map.of());
		assertThat(listed).hasSizeGreaterThan(100)
			.allSatisfy((file) -> assertThat(file.version()).startsWith("asset build-1 "));
		Map<String, String> previous = new HashMap<>();
		listed.forEach((file) -> previous.put(ExportPaths.fileOf(file.path()), file.version()));
		Map<String, String> pathsAndVersions = new HashMap<>();
		listed.forEach((file) -> pathsAndVersions.put(file.path(), file.version()));

		List<StaticFiles.StaticFile> again = assets.files(previous);
		Map<String, String> againPathsAndVersions = new HashMap<>();
		again.forEach((file) -> againPathsAndVersions.put(file.path(), file.version()));
		assertThat(againPathsAndVersions).isEqualTo(pathsAndVersions);
		StaticFiles.StaticFile css = again.stream()
			.filter((file) -> file.path().matches("/uswds/css/uswds\\.min-[0-9a-f]{32}\\.css"))
			.findFirst()
			.orElseThrow();
		StaticFiles.StaticFile listedCss = listed.stream()
			.filter((file) -> file.path().equals(css.path()))
			.findFirst()
			.orElseThrow();
		try (var a = css.content().open(); var b = listedCss.content().open()) {
			assertThat(a.readAllBytes()).isEqualTo(b.readAllBytes());
		}

		// Taken from the previous export's versions alone, without looking in the jar.
		Map<String, String> made = Map.of("made/up.txt", "asset build-1 /made/up.txt /made/up.txt");
		assertThat(assets.files(made)).singleElement().satisfies((file) -> {
			assertThat(file.path()).isEqualTo("/made/up.txt");
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.content().open());
		});
		// Another build lists and hashes them again.
		assertThat(new AssetFiles(this.web, this.siteUrls, () -> "build-2").files(made)).hasSameSizeAs(listed)
			.allSatisfy((file) -> assertThat(file.version()).startsWith("asset build-2 "));
	}

	@Test
	void anExportWithAnotherLinkStyleRewritesTheStyleSheets() throws Exception {
		this.export.export(this.site, options(LinkStyle.ROOT));
		this.export.export(this.site, options(LinkStyle.ROOT));
		this.export.export(this.site, options(LinkStyle.RELATIVE));
		String css = ExportFixture.files(this.site)
			.keySet()
			.stream()
			.filter((f) -> f.matches("uswds/css/uswds\\.min-.*\\.css"))
			.findFirst()
			.orElseThrow();
		assertThat(ExportFixture.read(this.site.resolve(css))).doesNotContain("url(/")
			.containsPattern("url\\(\\.\\./fonts/[^)]+-[0-9a-f]{32}\\.woff2\\)");
	}

	@Test
	void relativeLinksWorkFromAnyDirectoryAndWhenOpenedAsFiles() throws Exception {
		this.export.export(this.site, options(LinkStyle.RELATIVE));
		Map<String, Path> files = ExportFixture.files(this.site);
		Path root = this.site.toRealPath();
		int checked = 0;
		for (Map.Entry<String, Path> file : files.entrySet()) {
			if (!file.getKey().endsWith(".html") || file.getKey().equals("404.html")) {
				continue;
			}
			Document page = Jsoup.parse(ExportFixture.read(file.getValue()));
			for (Element element : page.select("[href], [src]")) {
				String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
				if (link.startsWith("http") || link.startsWith("#") || link.isEmpty()) {
					continue;
				}
				assertThat(link).as(file.getKey()).doesNotStartWith("/");
				URI target = file.getValue().toUri().resolve(link.replaceFirst("#.*$", ""));
				assertThat(Path.of(target)).as(file.getKey() + " → " + link).isRegularFile();
				assertThat(Path.of(target).toRealPath()).startsWith(root);
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(1000);
		String css = files.keySet()
			.stream()
			.filter((f) -> f.matches("uswds/css/uswds\\.min-.*\\.css"))
			.findFirst()
			.orElseThrow();
		assertThat(ExportFixture.read(files.get(css))).doesNotContain("url(/")
			.containsPattern("url\\(\\.\\./fonts/[^)]+-[0-9a-f]{32}\\.woff2\\)");
		Document second = Jsoup.parse(ExportFixture.read(files.get("news/page/2/index.html")));
		assertThat(second.select(".usa-pagination__previous-page").attr("href")).isEqualTo("../../index.html");
		assertThat(second.select(".gazette-story-title a").first().attr("href")).startsWith("../../story-");
		assertThat(second.select("link[rel=stylesheet]").first().attr("href"))
			.matches("\\.\\./\\.\\./\\.\\./uswds/css/uswds\\.min-[0-9a-f]{32}\\.css");
		assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.gov/news/page/2");
		Document story = Jsoup.parse(ExportFixture.read(files.get("news/story-2/index.html")));
		assertThat(story.select(".gazette-body a").eachAttr("href")).containsExactly("../story-1/index.html",
				"../../topics/trade/index.html", "../../feeds/all.atom", "#top");
		// Only links change: the rest of the page is what the server sends.
		String served = this.http.get("/news/story-2").body();
		assertThat(ExportFixture.read(files.get("news/story-2/index.html")).replaceAll("(href|src)=\"[^\"]*\"", ""))
			.isEqualTo(served.replaceAll("(href|src)=\"[^\"]*\"", ""));
	}

	@Test
	void absoluteLinksNameTheBaseAddressGiven() throws Exception {
		this.export.export(this.site,
				new ExportOptions(LinkStyle.ABSOLUTE, URI.create("https://www.agency.gov/newsroom/"), false));
		Document story = Jsoup.parse(ExportFixture.read(this.site.resolve("news/story-2/index.html")));
		assertThat(story.select(".gazette-body a").eachAttr("href")).containsExactly(
				"https://www.agency.gov/newsroom/news/story-1", "https://www.agency.gov/newsroom/topics/trade",
				"https://www.agency.gov/newsroom/feeds/all.atom", "#top");
		assertThat(story.select("script[src]").eachAttr("src"))
			.allSatisfy((src) -> assertThat(src).startsWith("https://www.agency.gov/newsroom/uswds/js/"));
		// Forms go to a running node, never to a file: without gazette.dynamic-base-url,
		// this
		// site's own addresses.
		assertThat(story.select("form[role=search]").attr("action")).isEqualTo("/search");
		Document news = Jsoup.parse(ExportFixture.read(this.site.resolve("news/index.html")));
		assertThat(news.select("form[method=get]:not([role])").attr("action")).isEqualTo("/news");
	}

	@Test
	void theAutomaticExportFollowsChangesAndTheNextRelease() throws Exception {
		AutomaticExport automatic = new AutomaticExport(this.export,
				new ExportProperties(this.site, true, LinkStyle.ROOT, null, 0, Duration.ofSeconds(1)), this.clock,
				this.claims, this.transactionManager, "");
		ExportReport first = automatic.exportNow();
		assertThat(first).isNotNull();
		assertThat(first.nextRelease()).isEqualTo(ExportFixture.SCHEDULED);
		assertThat(this.site.resolve("news/scheduled-story")).doesNotExist();
		assertThat(Files
			.readString(this.temporary.resolve("site.versions/" + first.version().getFileName() + ".manifest")))
			.contains("next-release\t2099-01-05T14:30:00Z");

		// Nothing changed: nothing to do.
		assertThat(automatic.exportNow()).isNull();
		assertThat(automatic.isDue()).isFalse();

		// A change readers can see.
		this.stories.story("Breaking").releasedAt(this.clock.instant().minus(Duration.ofMinutes(5))).publish();
		// As the node's change-event tail tells every listener.
		automatic.on(new PublicContentChanged(this.changeLog.lastEventId(), Set.of(), false));
		assertThat(automatic.isDue()).isTrue();
		assertThat(automatic.exportNow()).isNotNull();
		assertThat(this.site.resolve("news/breaking/index.html")).isRegularFile();
		assertThat(automatic.isDue()).isFalse();

		// The scheduled release: no change event, only the clock.
		this.clock.set(ExportFixture.SCHEDULED);
		assertThat(automatic.isDue()).isTrue();
		ExportReport released = automatic.exportNow();
		assertThat(released.nextRelease()).isNull();
		assertThat(this.site.resolve("news/scheduled-story/index.html")).isRegularFile();
		assertThat(ExportFixture.read(this.site.resolve("news/index.html"))).contains("Scheduled story");
		// Its release made no change event after the previous export, yet it counts as a
		// change: its page and the listings it joins are rendered (with a new year, that
		// is every news listing page, whose filters list the years), not the other 45
		// stories' pages.
		assertThat(released.rendered()).isLessThanOrEqualTo(released.pages() - 45);
		assertSameAsAFullExport();
	}

	@Test
	void storiesTakenDownOrMovedAnswerAsAStaticHostCan() throws Exception {
		Instant released = Instant.parse("2025-12-01T15:00:00Z");
		long withdrawn = this.stories.story("Withdrawn story").releasedAt(released).publish();
		long gone = this.stories.story("Gone story").releasedAt(released).publish();
		long redirected = this.stories.story("Redirected story").releasedAt(released).publish();
		long renamed = this.stories.story("Renamed story").releasedAt(released).publish();
		this.export.export(this.site, options(LinkStyle.ROOT));
		Map<String, Object> before = identities();

		this.publishing.takeDown(withdrawn, Takedown.withdrawn("The figures were wrong."), "publisher");
		this.publishing.takeDown(gone, Takedown.gone("Sent in error."), "publisher");
		this.publishing.takeDown(redirected, Takedown.redirectTo("/topics/trade"), "publisher");
		this.content.changeSlug(renamed, "renamed-story-2", "publisher");
		ExportReport report = this.export.export(this.site, options(LinkStyle.ROOT));

		// A withdrawn story stays readable under its notice, byte for byte as the server
		// sends it; a story gone is the page the server sends with its 410.
		for (String path : List.of("/news/withdrawn-story", "/news/gone-story")) {
			var response = this.http.get(path);
			assertThat(response.status()).isEqualTo(path.contains("gone") ? 410 : 200);
			assertThat(Files.readAllBytes(this.site.resolve(path.substring(1) + "/index.html"))).as(path)
				.isEqualTo(response.rawBody());
		}
		Document gonePage = Jsoup.parse(ExportFixture.read(this.site.resolve("news/gone-story/index.html")));
		assertThat(gonePage.select("h1").text()).isEqualTo("This story has been removed");
		assertThat(gonePage.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(gonePage.text()).contains("Sent in error.");
		assertThat(ExportFixture.read(this.site.resolve("news/withdrawn-story/index.html")))
			.contains("The figures were wrong.");

		// Where the server answers 301, a page that sends the browser on at once.
		assertMovedPage("news/redirected-story/index.html", "/topics/trade", "https://news.example.gov/topics/trade");
		assertMovedPage("news/renamed-story/index.html", "/news/renamed-story-2",
				"https://news.example.gov/news/renamed-story-2");
		assertThat(this.http.get("/news/renamed-story").status()).isEqualTo(301);
		assertThat(this.site.resolve("news/renamed-story-2/index.html")).isRegularFile();

		// Out of every listing, and only the pages that changed were written again.
		assertThat(ExportFixture.read(this.site.resolve("news/index.html"))).doesNotContain("Gone story",
				"Withdrawn story", "Redirected story");
		Map<String, Object> after = identities();
		assertThat(after.get("news/story-30/index.html")).isEqualTo(before.get("news/story-30/index.html"));
		assertThat(after.get("news/gone-story/index.html")).isNotEqualTo(before.get("news/gone-story/index.html"));
		assertThat(report.kept()).isGreaterThan(report.written());

		// Relative links: the refresh works from disk too.
		this.export.export(this.site, options(LinkStyle.RELATIVE));
		Document relative = Jsoup.parse(ExportFixture.read(this.site.resolve("news/redirected-story/index.html")));
		assertThat(relative.select("meta[http-equiv=refresh]").attr("content"))
			.isEqualTo("0; url=../../topics/trade/index.html");
		assertThat(relative.select("main a").attr("href")).isEqualTo("../../topics/trade/index.html");
	}

	@Test
	void theNewsroomsRedirectsAnswerWhereNoPageIsAndNewOnesMakeTheExportDue() throws Exception {
		AutomaticExport automatic = new AutomaticExport(this.export,
				new ExportProperties(this.site, true, LinkStyle.ROOT, null, 0, Duration.ofSeconds(1)), this.clock,
				this.claims, this.transactionManager, "");
		assertThat(automatic.exportNow()).isNotNull();

		this.redirects.add("/2019/05/old-post", "/news/story-30", "admin");
		this.redirects.add("/press/old-release.html", "https://www.example.gov/press", "admin");
		this.redirects.add("/files/fact-sheet.pdf", "/news", "admin");
		this.redirects.add("/topics/trade", "/news", "admin");
		// Adding a redirect is a change readers see (a 404 becomes a 301).
		automatic.on(new PublicContentChanged(this.changeLog.lastEventId(), Set.of(), false));
		assertThat(automatic.isDue()).isTrue();
		assertThat(automatic.exportNow()).isNotNull();

		assertThat(this.http.get("/2019/05/old-post").status()).isEqualTo(301);
		Document moved = Jsoup.parse(ExportFixture.read(this.site.resolve("2019/05/old-post/index.html")));
		assertThat(moved.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=/news/story-30");
		assertThat(moved.select("h1").text()).isEqualTo("This page has moved");
		assertThat(moved.select("main a").attr("href")).isEqualTo("/news/story-30");
		assertThat(Jsoup.parse(ExportFixture.read(this.site.resolve("press/old-release.html")))
			.select("meta[http-equiv=refresh]")
			.attr("content")).isEqualTo("0; url=https://www.example.gov/press");
		// A static host would serve a .pdf as a PDF, not as a page that sends readers on.
		assertThat(this.site.resolve("files/fact-sheet.pdf")).doesNotExist();
		// Where a page lives, the server never uses the redirect, and the export keeps
		// the
		// page.
		assertThat(this.http.get("/topics/trade").status()).isEqualTo(200);
		assertThat(Files.readAllBytes(this.site.resolve("topics/trade/index.html")))
			.isEqualTo(this.http.get("/topics/trade").rawBody());
	}

	private void assertMovedPage(String file, String target, String canonical) {
		Document page = Jsoup.parse(ExportFixture.read(this.site.resolve(file)));
		assertThat(page.select("meta[http-equiv=refresh]").attr("content")).as(file).isEqualTo("0; url=" + target);
		assertThat(page.select("link[rel=canonical]").attr("href")).as(file).isEqualTo(canonical);
		assertThat(page.select("meta[name=robots]").attr("content")).as(file).isEqualTo("noindex");
		assertThat(page.select("main a").attr("href")).as(file).isEqualTo(target);
		assertThat(page.select("h1").text()).as(file).isEqualTo("This story has moved");
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void theAutomaticExportWaitsWhileAnotherNodeHoldsTheClaim() throws Exception {
		AutomaticExport automatic = new AutomaticExport(this.export,
				new ExportProperties(this.site, true, LinkStyle.ROOT, null, 0, Duration.ofSeconds(1)), this.clock,
				this.claims, this.transactionManager, "");
		long before = this.claims.exports(ExportClaimRepository.STATIC).orElseThrow();
		AtomicReference<Object> whileHeld = new AtomicReference<>("not run");
		// Another node's export holds the row for as long as it runs.
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			assertThat(this.claims.tryLock(ExportClaimRepository.STATIC)).isTrue();
			Thread other = new Thread(() -> whileHeld.set(automatic.exportNow()));
			other.start();
			try {
				other.join();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(whileHeld.get()).isNull();
		assertThat(this.site).doesNotExist();
		assertThat(automatic.isDue()).as("tries again at the next check").isTrue();
		assertThat(automatic.exportNow()).isNotNull();
		assertThat(this.site.resolve("news/story-1/index.html")).isRegularFile();
		assertThat(this.claims.exports(ExportClaimRepository.STATIC)).contains(before + 1);
		assertThat(automatic.exportNow()).isNull();
		assertThat(this.claims.exports(ExportClaimRepository.STATIC)).contains(before + 1);
	}

	@Test
	void aPageKeptWithoutRenderingStillHasItsLinksChecked() throws Exception {
		long index = this.stories.story("Index")
			.slug("index-story")
			.body("See [the third page of news](/news/page/3).")
			.releasedAt(Instant.parse("2023-01-01T12:00:00Z"))
			.publish();
		ExportReport first = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(ExportFixture.files(this.site)).containsKey("news/page/3/index.html");

		// Five fewer stories: news has two pages, so the story's link breaks, though
		// nothing in the story itself changed and its page is not rendered again.
		this.newsroomReads.ids(org.gazette.publishing.StoryQuery.ALL)
			.stream()
			.filter((id) -> id != index)
			.limit(5)
			.forEach(this.publishing::unpublish);
		Path before = this.site.toRealPath();
		assertThatExceptionOfType(ExportException.class)
			.isThrownBy(() -> this.export.export(this.site, options(LinkStyle.ROOT)))
			.withMessageContaining("/news/index-story links to /news/page/3, which is not in the export");
		assertThat(this.site.toRealPath()).isEqualTo(before);
		assertThat(first.pages()).isPositive();
	}

	@Test
	void anIncrementalExportRendersEveryPageWhenItCannotTellWhatChanged() throws Exception {
		ExportReport first = this.export.export(this.site, options(LinkStyle.ROOT));
		Path manifest = this.temporary.resolve("site.versions/" + first.version().getFileName() + ".manifest");
		Path links = this.temporary.resolve("site.versions/" + first.version().getFileName() + ".links");
		assertThat(links).isRegularFile();

		// The change log no longer holds the event the export was made as of (another
		// database, or events pruned).
		Files.writeString(manifest, Files.readString(manifest)
			.replaceFirst("last-change-event\t\\d+", "last-change-event\t" + (this.changeLog.lastEventId() + 1000)));
		ExportReport afterLostEvents = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(afterLostEvents.rendered()).isEqualTo(afterLostEvents.pages());
		assertThat(afterLostEvents.written()).isZero();

		// The previous export's links are missing: its pages cannot be kept unchecked.
		Files.delete(this.temporary.resolve("site.versions/" + afterLostEvents.version().getFileName() + ".links"));
		ExportReport afterLostLinks = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(afterLostLinks.rendered()).isEqualTo(afterLostLinks.pages());
		assertThat(afterLostLinks.written()).isZero();

		// A manifest of the first format.
		Path current = this.temporary.resolve("site.versions/" + afterLostLinks.version().getFileName() + ".manifest");
		Files.writeString(current,
				Files.readString(current)
					.replace("gazette-static-export\t2", "gazette-static-export\t1")
					.replaceFirst("missing-change-events\t[^\n]*\n", ""));
		ExportReport afterOldManifest = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(afterOldManifest.rendered()).isEqualTo(afterOldManifest.pages());
		assertThat(afterOldManifest.written()).isZero();

		// And from there on, incremental again.
		this.stories.revise(this.storyOne, "Story one, retitled");
		this.publishing.publish(this.storyOne, null);
		ExportReport changed = this.export.export(this.site, options(LinkStyle.ROOT));
		assertThat(changed.rendered()).isEqualTo(7);
		assertSameAsAFullExport();
	}

	/**
	 * The current export has the same files, byte for byte, as a full export made now
	 * into another directory.
	 */
	private void assertSameAsAFullExport() throws Exception {
		Path other = this.temporary.resolve("full-" + System.nanoTime());
		this.export.export(other, new ExportOptions(LinkStyle.ROOT, null, true));
		Map<String, Path> full = ExportFixture.files(other);
		Map<String, Path> incremental = ExportFixture.files(this.site);
		assertThat(incremental.keySet()).isEqualTo(full.keySet());
		for (Map.Entry<String, Path> file : full.entrySet()) {
			assertThat(Files.readAllBytes(incremental.get(file.getKey()))).as(file.getKey())
				.isEqualTo(Files.readAllBytes(file.getValue()));
		}
	}

	/** Feeds of the current export that have no entry. */
	private int emptyFeeds() throws IOException {
		int empty = 0;
		for (Map.Entry<String, Path> file : ExportFixture.files(this.site).entrySet()) {
			if (file.getKey().startsWith("feeds/")) {
				String feed = ExportFixture.read(file.getValue());
				empty += (feed.contains("<item>") || feed.contains("<entry>")) ? 0 : 1;
			}
		}
		return empty;
	}

	private ExportOptions options(LinkStyle links) {
		return new ExportOptions(links, null, false);
	}

	/** Each file's identity on disk: a file kept by hard link keeps it. */
	private Map<String, Object> identities() throws IOException {
		Map<String, Object> identities = new HashMap<>();
		for (Map.Entry<String, Path> file : ExportFixture.files(this.site).entrySet()) {
			var attributes = Files.readAttributes(file.getValue(), java.nio.file.attribute.BasicFileAttributes.class);
			identities.put(file.getKey(), List.of(attributes.fileKey(), attributes.lastModifiedTime()));
		}
		return identities;
	}

	private List<String> versions() throws IOException {
		try (var entries = Files.list(this.temporary.resolve("site.versions"))) {
			return entries.map((p) -> p.getFileName().toString())
				.filter((name) -> !name.startsWith(".") && !name.endsWith(".manifest") && !name.endsWith(".links"))
				.toList();
		}
	}

}
