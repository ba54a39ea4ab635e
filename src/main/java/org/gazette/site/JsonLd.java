package org.gazette.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.PublicStory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * schema.org {@code NewsArticle} data for a story page, as JSON that is safe inside a
 * script element: {@code <}, {@code >} and {@code &} are written as \\u escapes, so a
 * headline holding {@code </script>} stays a string and the JSON stays valid.
 * <p>
 * Every object is written with its keys in alphabetical order ({@code @context} and
 * {@code @type} come first), whatever map holds them: the bytes of a story page are
 * hashed into its ETag and compared between nodes and with the static export, and the
 * iteration order of {@code Map.of} differs from one JVM to the next.
 */
@Component
class JsonLd {

	private final JsonMapper json;

	private final SiteUrls urls;

	private final GazetteProperties properties;

	private final Formats formats;

	JsonLd(JsonMapper json, SiteUrls urls, GazetteProperties properties, Formats formats) {
		this.json = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
		this.urls = urls;
		this.properties = properties;
		this.formats = formats;
	}

	String newsArticle(PublicStory story) {
		return newsArticle(story, null);
	}

	/** With the story's image, as an absolute address (or null for none). */
	String newsArticle(PublicStory story, String image) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		String url = this.urls.absolute(this.urls.story(story.slug()));
		data.put("mainEntityOfPage", url);
		data.put("url", url);
		data.put("headline", story.title());
		data.put("description", story.summary());
		data.put("datePublished", this.formats.isoDate(story.releaseAt()));
		// As the page's "Last updated": minor updates are silent.
		data.put("dateModified",
				this.formats.isoDate((story.lastMajorUpdate() != null) ? story.lastMajorUpdate() : story.releaseAt()));
		List<Map<String, Object>> authors = story.bylines()
			.stream()
			.map((byline) -> Map.<String, Object>of("@type", "Person", "name", byline.name(), "url",
					this.urls.absolute(this.urls.author(byline.slug()))))
			.toList();
		data.put("author", authors.isEmpty() ? publisher() : authors);
		data.put("publisher", publisher());
		data.put("articleSection", this.formats.typeName(story.type()));
		if (!story.topics().isEmpty()) {
			data.put("keywords", story.topics().stream().map((topic) -> topic.name()).toList());
		}
		if (image != null) {
			data.put("image", List.of(image));
		}
		return write(data);
	}

	/**
	 * The data as JSON for a script element, its keys in a fixed order at every depth.
	 */
	String write(Map<String, ?> data) {
		return safe(this.json.writeValueAsString(data));
	}

	private Map<String, Object> publisher() {
		return Map.of("@type", "GovernmentOrganization", "name", this.properties.agencyName(), "url",
				this.properties.agencyUrl().toString());
	}

	/** JSON that cannot close or confuse the script element it sits in. */
	static String safe(String json) {
		return json.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

}
