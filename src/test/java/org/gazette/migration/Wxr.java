package org.gazette.migration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds WordPress export files (WXR 1.2) for tests, shaped like real ones. */
final class Wxr {

	private final String site;

	private final List<String> authors = new ArrayList<>();

	private final List<String> items = new ArrayList<>();

	private Wxr(String site) {
		this.site = site;
	}

	static Wxr site(String site) {
		return new Wxr(site);
	}

	Wxr author(String login, String name) {
		this.authors.add("""
				<wp:author><wp:author_id>%d</wp:author_id><wp:author_login><![CDATA[%s]]></wp:author_login>
				<wp:author_email><![CDATA[%s@old.example.gov]]></wp:author_email>
				<wp:author_display_name><![CDATA[%s]]></wp:author_display_name></wp:author>
				""".formatted(this.authors.size() + 1, login, login, name));
		return this;
	}

	/**
	 * A post: status, GMT date ("2019-05-14 13:45:00"), body and more through
	 * {@link Post}.
	 */
	Wxr post(Post post) {
		this.items.add(post.xml(this.site));
		return this;
	}

	Wxr raw(String item) {
		this.items.add(item);
		return this;
	}

	String xml() {
		return """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
				  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
				<channel>
				<title>Old newsroom</title>
				<link>%s</link>
				<description>News</description>
				<language>en-US</language>
				<wp:wxr_version>1.2</wp:wxr_version>
				<wp:base_site_url>%s</wp:base_site_url>
				<wp:base_blog_url>%s</wp:base_blog_url>
				%s
				<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[uncategorized]]></wp:category_nicename><wp:cat_name><![CDATA[Uncategorized]]></wp:cat_name></wp:category>
				<generator>https://wordpress.org/?v=6.4</generator>
				%s
				</channel>
				</rss>
				"""
			.formatted(this.site, this.site, this.site, String.join("", this.authors), String.join("", this.items));
	}

	InputStream stream() {
		return new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8));
	}

	static Post post(int id, String title) {
		return new Post(id, title);
	}

	/** One post, published on May 14, 2019 by default. */
	static final class Post {

		final int id;

		String title;

		String slug;

		String status = "publish";

		String type = "post";

		String dateGmt = "2019-05-14 13:45:00";

		String date = "2019-05-14 09:45:00";

		String creator = "jdoe";

		String content = "First paragraph.\n\nSecond paragraph.";

		String excerpt = "";

		String link;

		String parent = "0";

		String attachmentUrl;

		final List<String> terms = new ArrayList<>();

		final List<String> extra = new ArrayList<>();

		Post(int id, String title) {
			this.id = id;
			this.title = title;
			this.slug = org.gazette.content.Slugs.fromTitle(title);
		}

		Post slug(String slug) {
			this.slug = slug;
			return this;
		}

		Post status(String status) {
			this.status = status;
			return this;
		}

		Post type(String type) {
			this.type = type;
			return this;
		}

		Post date(String gmt) {
			this.dateGmt = gmt;
			return this;
		}

		Post localDate(String local) {
			this.date = local;
			this.dateGmt = "0000-00-00 00:00:00";
			return this;
		}

		Post by(String login) {
			this.creator = login;
			return this;
		}

		Post content(String html) {
			this.content = html;
			return this;
		}

		Post excerpt(String text) {
			this.excerpt = text;
			return this;
		}

		Post link(String link) {
			this.link = link;
			return this;
		}

		Post category(String name) {
			this.terms.add("<category domain=\"category\" nicename=\"" + org.gazette.content.Slugs.fromTitle(name)
					+ "\"><![CDATA[" + name + "]]></category>");
			return this;
		}

		Post tag(String name) {
			this.terms.add("<category domain=\"post_tag\" nicename=\"" + org.gazette.content.Slugs.fromTitle(name)
					+ "\"><![CDATA[" + name + "]]></category>");
			return this;
		}

		Post attachment(String url, int parent) {
			this.type = "attachment";
			this.status = "inherit";
			this.attachmentUrl = url;
			this.parent = String.valueOf(parent);
			return this;
		}

		Post comment(String text) {
			this.extra.add("<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[" + text
					+ "]]></wp:comment_content></wp:comment>");
			return this;
		}

		String xml(String site) {
			String permalink = (this.link != null) ? this.link : site + "/2019/05/" + this.slug + "/";
			return """
					<item>
					<title><![CDATA[%s]]></title>
					<link>%s</link>
					<pubDate>Tue, 14 May 2019 13:45:00 +0000</pubDate>
					<dc:creator><![CDATA[%s]]></dc:creator>
					<guid isPermaLink="false">%s/?p=%d</guid>
					<description></description>
					<content:encoded><![CDATA[%s]]></content:encoded>
					<excerpt:encoded><![CDATA[%s]]></excerpt:encoded>
					<wp:post_id>%d</wp:post_id>
					<wp:post_date><![CDATA[%s]]></wp:post_date>
					<wp:post_date_gmt><![CDATA[%s]]></wp:post_date_gmt>
					<wp:comment_status><![CDATA[open]]></wp:comment_status>
					<wp:post_name><![CDATA[%s]]></wp:post_name>
					<wp:status><![CDATA[%s]]></wp:status>
					<wp:post_parent>%s</wp:post_parent>
					<wp:post_type><![CDATA[%s]]></wp:post_type>
					%s
					<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
					%s
					%s
					</item>
					"""
				.formatted(this.title, permalink, this.creator, site, this.id,
						this.content.replace("]]>", "]]]]><![CDATA[>"), this.excerpt, this.id, this.date, this.dateGmt,
						this.slug, this.status, this.parent, this.type,
						(this.attachmentUrl != null)
								? "<wp:attachment_url><![CDATA[" + this.attachmentUrl + "]]></wp:attachment_url>" : "",
						String.join("\n", this.terms), String.join("\n", this.extra));
		}

	}

}
