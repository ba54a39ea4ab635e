package org.gazette.migration;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;

/**
 * Reads a WordPress export (WXR 1.1 or 1.2) item by item: the site and its authors from
 * the channel's head, then each {@code <item>} as it comes.
 */
final class WxrReader implements ItemSource {

	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final XmlCursor xml;

	private final ZoneId siteZone;

	private final Map<String, String> authorNames = new HashMap<>();

	private String baseUrl;

	private String version;

	private boolean atItem;

	WxrReader(InputStream in, ZoneId siteZone, int maxText) {
		this.xml = new XmlCursor(in, maxText, 64);
		this.siteZone = siteZone;
		readHead();
	}

	private void readHead() {
		if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT) {
			throw new ImportFailedException("The file is empty: there is no XML in it.");
		}
		if (!this.xml.localName().equals("rss")) {
			throw this.xml.fail(
					"The file's root element is <" + this.xml.localName() + ">, not the <rss> of a WordPress export.");
		}
		if (this.xml.nextTag() != XMLStreamConstants.START_ELEMENT || !this.xml.localName().equals("channel")) {
			throw this.xml.fail("A WordPress export has a <channel> inside <rss>; this one does not.");
		}
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String name = this.xml.localName();
			boolean wp = isWp(this.xml.namespace());
			if (name.equals("item")) {
				this.atItem = true;
				break;
			}
			if (wp && name.equals("wxr_version")) {
				this.version = this.xml.text().strip();
			}
			else if (wp && name.equals("base_site_url")) {
				this.baseUrl = this.xml.text().strip();
			}
			else if (name.equals("link") && this.xml.namespace().isEmpty() && this.baseUrl == null) {
				this.baseUrl = this.xml.text().strip();
			}
			else if (wp && name.equals("author")) {
				readAuthor();
			}
			else {
				this.xml.skip();
			}
		}
		if (this.version == null) {
			throw new ImportFailedException("This is not a WordPress export: it has no <wp:wxr_version>."
					+ " For an RSS or Atom feed use import-feed.");
		}
		if (!this.version.equals("1.1") && !this.version.equals("1.2")) {
			throw new ImportFailedException(
					"This WordPress export is version " + this.version + "; Gazette reads versions 1.1 and 1.2.");
		}
	}

	private void readAuthor() {
		String login = null;
		String name = null;
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (this.xml.localName()) {
				case "author_login" -> login = this.xml.text().strip();
				case "author_display_name" -> name = this.xml.text().strip();
				default -> this.xml.skip();
			}
		}
		if (login != null && !login.isEmpty()) {
			this.authorNames.put(login, (name != null && !name.isEmpty()) ? name : login);
		}
	}

	@Override
	public String source() {
		return (this.baseUrl != null && !this.baseUrl.isEmpty()) ? this.baseUrl : "wordpress";
	}

	@Override
	public String description() {
		return "WordPress export " + this.version;
	}

	@Override
	public SourceItem next() {
		if (!this.atItem && !this.xml.toNext("item")) {
			return null;
		}
		this.atItem = false;
		return readItem();
	}

	private SourceItem readItem() {
		int line = this.xml.line();
		Map<String, String> fields = new HashMap<>();
		List<SourceItem.Term> categories = new ArrayList<>();
		List<SourceItem.Term> tags = new ArrayList<>();
		int comments = 0;
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String name = this.xml.localName();
			String ns = this.xml.namespace();
			if (name.equals("category") && ns.isEmpty()) {
				String domain = this.xml.attribute("domain");
				String slug = this.xml.attribute("nicename");
				String text = this.xml.text().strip();
				if (!text.isEmpty()) {
					("post_tag".equals(domain) ? tags : categories).add(new SourceItem.Term(text, slug));
				}
			}
			else if (isWp(ns) && name.equals("comment")) {
				comments++;
				this.xml.skip();
			}
			else if (isWp(ns) && name.equals("postmeta")) {
				this.xml.skip();
			}
			else {
				String key = key(ns, name);
				if (key != null) {
					fields.put(key, this.xml.text());
				}
				else {
					this.xml.skip();
				}
			}
		}
		String creator = trimmed(fields.get("dc:creator"));
		List<SourceItem.Person> authors = (creator != null)
				? List.of(new SourceItem.Person(creator, this.authorNames.getOrDefault(creator, creator))) : List.of();
		return new SourceItem(trimmed(fields.get("wp:post_id")), orDefault(trimmed(fields.get("wp:post_type")), "post"),
				SourceStatus.of(fields.get("wp:status")), trimmed(fields.get("title")),
				trimmed(fields.get("wp:post_name")), trimmed(fields.get("link")), trimmed(fields.get("guid")),
				releasedAt(fields), authors, categories, tags, fields.getOrDefault("content:encoded", ""),
				trimmed(fields.get("excerpt:encoded")), zeroToNull(trimmed(fields.get("wp:post_parent"))),
				trimmed(fields.get("wp:attachment_url")), null, comments, line,
				wordPressId(trimmed(fields.get("wp:post_id"))));
	}

	/** A post id as WordPress writes it (a positive number), or null. */
	static Long wordPressId(String postId) {
		if (postId == null || !postId.matches("[0-9]{1,18}")) {
			return null;
		}
		long id = Long.parseLong(postId);
		return (id > 0) ? id : null;
	}

	/** The release instant: GMT when set, else the local time in the site's zone. */
	private Instant releasedAt(Map<String, String> fields) {
		Instant gmt = parse(fields.get("wp:post_date_gmt"), ZoneId.of("UTC"));
		return (gmt != null) ? gmt : parse(fields.get("wp:post_date"), this.siteZone);
	}

	private static Instant parse(String value, ZoneId zone) {
		String text = trimmed(value);
		if (text == null || text.startsWith("0000")) {
			return null;
		}
		try {
			return LocalDateTime.parse(text, WP_DATE).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String key(String ns, String name) {
		if (ns.isEmpty() && List.of("title", "link", "guid").contains(name)) {
			return name;
		}
		if (ns.equals("http://purl.org/dc/elements/1.1/") && name.equals("creator")) {
			return "dc:creator";
		}
		if (ns.equals("http://purl.org/rss/1.0/modules/content/") && name.equals("encoded")) {
			return "content:encoded";
		}
		if (ns.startsWith("http://wordpress.org/export/") && ns.endsWith("/excerpt/") && name.equals("encoded")) {
			return "excerpt:encoded";
		}
		if (isWp(ns) && List
			.of("post_id", "post_date", "post_date_gmt", "post_name", "status", "post_parent", "post_type",
					"attachment_url")
			.contains(name)) {
			return "wp:" + name;
		}
		return null;
	}

	private static boolean isWp(String ns) {
		return ns.startsWith("http://wordpress.org/export/") && !ns.endsWith("/excerpt/");
	}

	static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	private static String zeroToNull(String value) {
		return (value == null || value.equals("0")) ? null : value;
	}

	@Override
	public void close() {
		this.xml.close();
	}

}
