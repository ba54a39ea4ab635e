package org.gazette.syndication;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaLibrary;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Byline;
import org.gazette.publishing.Departure;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryPosition;
import org.gazette.publishing.StoryQuery;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The JSON API's documents, built from what the newsroom makes public. */
@Component
class ApiDocuments {

	static final String JSON = "application/json";

	private final Newsroom newsroom;

	private final Content content;

	private final MediaLibrary media;

	private final SiteUrls urls;

	private final JsonMapper json;

	private final Clock clock;

	ApiDocuments(Newsroom newsroom, Content content, MediaLibrary media, SiteUrls urls, JsonMapper json, Clock clock) {
		this.newsroom = newsroom;
		this.media = media;
		this.content = content;
		this.urls = urls;
		this.json = json;
		this.clock = clock;
	}

	Rendered articles(ApiQuery query) {
		Long topicId = (query.topic() != null)
				? this.content.topicBySlug(query.topic())
					.map(Topic::id)
					.orElseThrow(() -> new InvalidApiRequestException("There is no topic \"" + query.topic() + "\"."))
				: null;
		Long authorId = (query.author() != null)
				? this.content.authorBySlug(query.author())
					.map(Author::id)
					.orElseThrow(() -> new InvalidApiRequestException("There is no author \"" + query.author() + "\"."))
				: null;
		StoryQuery stories = new StoryQuery(query.type(), topicId, authorId, query.since(), query.until());
		List<StoryCard> cards = this.newsroom.listAfter(stories, query.after(), query.limit() + 1);
		boolean more = cards.size() > query.limit();
		List<StoryCard> page = more ? cards.subList(0, query.limit()) : cards;
		String next = null;
		if (more) {
			StoryCard last = page.get(page.size() - 1);
			next = ApiCursor.encode(new StoryPosition(last.releaseAt(), last.id()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("articles", page.stream().map(this::summary).toList());
		body.put("next", next);
		body.put("nextUrl", (next != null) ? this.urls.withQuery("/api/v1/articles", query.parameters(next)) : null);
		return render(body);
	}

	/**
	 * A public story, or a withdrawn one with its notice.
	 * @throws ChannelNotFoundException when no reader ever saw a story at this address
	 * @throws ArticleDepartedException when it moved or was taken down otherwise
	 */
	Rendered article(String slug) {
		Optional<PublicStory> story = this.newsroom.story(slug);
		if (story.isPresent()) {
			return render(detail(story.get()));
		}
		Departure departure = this.newsroom.departure(slug).orElseThrow(ChannelNotFoundException::new);
		if (departure instanceof Departure.Withdrawn withdrawn) {
			Map<String, Object> detail = detail(withdrawn.story());
			detail.put("withdrawn", ordered("at", withdrawn.withdrawnAt().toString(), "reason", withdrawn.reason()));
			return render(detail);
		}
		throw new ArticleDepartedException(departure);
	}

	Rendered topics() {
		return render(Map.of("topics",
				this.content.topics()
					.stream()
					.map((topic) -> ordered("slug", topic.slug(), "name", topic.name(), "description",
							topic.description(), "url", this.urls.absolute(this.urls.topic(topic.slug())), "rss",
							this.urls.absolute(this.urls.topicFeed(topic.slug(), "rss")), "atom",
							this.urls.absolute(this.urls.topicFeed(topic.slug(), "atom"))))
					.toList()));
	}

	Rendered authors() {
		return render(Map.of("authors",
				this.content.authors()
					.stream()
					.map((author) -> ordered("slug", author.slug(), "name", author.name(), "jobTitle",
							author.jobTitle(), "url", this.urls.absolute(this.urls.author(author.slug())), "rss",
							this.urls.absolute(this.urls.authorFeed(author.slug(), "rss")), "atom",
							this.urls.absolute(this.urls.authorFeed(author.slug(), "atom"))))
					.toList()));
	}

	private Map<String, Object> summary(StoryCard card) {
		return ordered("slug", card.slug(), "url", this.urls.absolute(this.urls.story(card.slug())), "apiUrl",
				this.urls.apiArticle(card.slug()), "type", card.type().code(), "title", card.title(), "summary",
				card.summary(), "releasedAt", card.releaseAt().toString(), "updatedAt",
				updated(card.releaseAt(), card.lastPublicUpdateAt()).toString(), "authors", bylines(card.bylines()));
	}

	private Map<String, Object> detail(PublicStory story) {
		Map<String, Object> detail = ordered("slug", story.slug(), "url",
				this.urls.absolute(this.urls.story(story.slug())), "type", story.type().code(), "title", story.title(),
				"summary", story.summary(), "dateline", story.dateline(), "releasedAt", story.releaseAt().toString(),
				"updatedAt", updated(story.releaseAt(), story.lastPublicUpdateAt()).toString(), "authors",
				bylines(story.bylines()));
		detail.put("topics",
				story.topics()
					.stream()
					.map((topic) -> ordered("slug", topic.slug(), "name", topic.name(), "url",
							this.urls.absolute(this.urls.topic(topic.slug()))))
					.toList());
		detail.put("bodyHtml", story.bodyHtml());
		detail.put("documents", documents(story.documentIds()));
		detail.put("updates",
				story.updates()
					.stream()
					.map((update) -> ordered("at", update.at().toString(), "note", update.note()))
					.toList());
		return detail;
	}

	/** The story's listed documents, in the story's order. */
	private List<Map<String, Object>> documents(List<Long> ids) {
		Map<Long, MediaAsset> found = new java.util.HashMap<>();
		this.media.find(ids).forEach((asset) -> found.put(asset.id(), asset));
		return ids.stream()
			.map(found::get)
			.filter((asset) -> asset != null && !asset.isImage())
			.map((asset) -> ordered("title", asset.title(), "url", this.urls.absolute(asset.url()), "type",
					asset.typeLabel(), "mediaType", asset.mediaType(), "bytes", asset.byteSize()))
			.toList();
	}

	private List<Map<String, Object>> bylines(List<Byline> bylines) {
		return bylines.stream()
			.map((byline) -> ordered("name", byline.name(), "slug", byline.slug(), "url",
					this.urls.absolute(this.urls.author(byline.slug()))))
			.toList();
	}

	private static Instant updated(Instant release, Instant lastUpdate) {
		return (lastUpdate != null && lastUpdate.isAfter(release)) ? lastUpdate : release;
	}

	private static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private Rendered render(Object body) {
		return Rendered.of(this.json.writeValueAsBytes(body), JSON, this.clock.instant());
	}

}
