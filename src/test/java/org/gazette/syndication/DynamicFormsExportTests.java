package org.gazette.syndication;

import java.net.URI;
import java.nio.file.Path;

import org.gazette.support.GazetteNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site served from a static export with {@code gazette.dynamic-base-url} set: the
 * search box and the news filter form submit to that node, in the export and on the
 * exporting node alike, whatever the link style. (Without the setting they go to this
 * site's own addresses: {@code StaticExportTests}.)
 */
class DynamicFormsExportTests {

	@TempDir
	Path temporary;

	@Test
	void theSearchBoxAndTheNewsFilterSubmitToTheDynamicNode() throws Exception {
		try (GazetteNode node = GazetteNode.onH2("exporter", "--gazette.dynamic-base-url=https://app.agency.gov/")) {
			node.stories().story("Ferry timetable").slug("ferry-timetable").publish();
			StaticExport export = node.bean(StaticExport.class);
			Path site = this.temporary.resolve("site");

			export.export(site, new ExportOptions(LinkStyle.ROOT, null, false));
			for (String file : new String[] { "index.html", "news/index.html", "news/ferry-timetable/index.html" }) {
				Document page = Jsoup.parse(ExportFixture.read(site.resolve(file)));
				assertThat(page.select("form[role=search]").attr("action")).as(file)
					.isEqualTo("https://app.agency.gov/search");
			}
			Document news = Jsoup.parse(ExportFixture.read(site.resolve("news/index.html")));
			assertThat(news.select("form[method=get]:not([role])").attr("action"))
				.isEqualTo("https://app.agency.gov/news");
			// The node serves the same page it exported.
			assertThat(ExportFixture.read(site.resolve("news/index.html"))).isEqualTo(node.http().get("/news").body());

			export.export(site, new ExportOptions(LinkStyle.RELATIVE, null, false));
			Document relative = Jsoup.parse(ExportFixture.read(site.resolve("news/ferry-timetable/index.html")));
			assertThat(relative.select("form[role=search]").attr("action")).isEqualTo("https://app.agency.gov/search");
			assertThat(relative.select("link[rel=stylesheet]").first().attr("href")).startsWith("../../");

			export.export(site, new ExportOptions(LinkStyle.ABSOLUTE, URI.create("https://www.agency.gov/"), false));
			Document absolute = Jsoup.parse(ExportFixture.read(site.resolve("news/index.html")));
			assertThat(absolute.select("form[method=get]:not([role])").attr("action"))
				.isEqualTo("https://app.agency.gov/news");
		}
	}

}
