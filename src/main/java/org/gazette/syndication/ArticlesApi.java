package org.gazette.syndication;

import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Departure;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API over public stories, topics and authors. Answers carry ETags
 * (304 on a match), are open to any origin for reading, and errors are RFC 9457 problem
 * details. {@code OpenApiTests} keeps openapi.json true to these routes.
 */
@RestController
@CrossOrigin(origins = "*", methods = { RequestMethod.GET, RequestMethod.HEAD },
		exposedHeaders = { "ETag", "Last-Modified" }, maxAge = 86400)
class ArticlesApi {

	private final ApiDocuments documents;

	private final ChannelCache cache;

	private final GazetteProperties properties;

	private final SiteUrls urls;

	ArticlesApi(ApiDocuments documents, ChannelCache cache, GazetteProperties properties, SiteUrls urls) {
		this.documents = documents;
		this.cache = cache;
		this.properties = properties;
		this.urls = urls;
	}

	@GetMapping(path = "/api/v1/articles", produces = "application/json")
	ResponseEntity<byte[]> articles(@RequestParam(required = false) String type,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String author,
			@RequestParam(required = false) String since, @RequestParam(required = false) String until,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		ApiQuery query = ApiQuery.parse(type, topic, author, since, until, limit, cursor, this.properties.timeZone());
		// The key is built from the checked query, so junk parameters cannot fill the
		// cache.
		return ChannelResponses.ok(this.cache.get("api:articles:" + query, () -> this.documents.articles(query)));
	}

	@GetMapping(path = "/api/v1/articles/{slug}", produces = "application/json")
	ResponseEntity<byte[]> article(@PathVariable String slug) {
		if (!org.gazette.content.Slugs.isValid(slug)) {
			throw new ChannelNotFoundException();
		}
		return ChannelResponses.ok(this.cache.get("api:article:" + slug, () -> this.documents.article(slug)));
	}

	@GetMapping(path = "/api/v1/topics", produces = "application/json")
	ResponseEntity<byte[]> topics() {
		return ChannelResponses.ok(this.cache.get("api:topics", this.documents::topics));
	}

	@GetMapping(path = "/api/v1/authors", produces = "application/json")
	ResponseEntity<byte[]> authors() {
		return ChannelResponses.ok(this.cache.get("api:authors", this.documents::authors));
	}

	@ExceptionHandler(InvalidApiRequestException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidApiRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid parameter", ex.getMessage());
	}

	/**
	 * A story that moved or was taken down: 301 to where it went (the API's address of a
	 * story on this site), or 410.
	 */
	@ExceptionHandler(ArticleDepartedException.class)
	ResponseEntity<?> departed(ArticleDepartedException ex) {
		if (ex.departure instanceof Departure.Gone gone) {
			return Problems.of(HttpStatus.GONE, "Gone", (gone.explanation() != null) ? gone.explanation()
					: "This story was published in error and has been removed.");
		}
		String location = (ex.departure instanceof Departure.Moved moved) ? this.urls.apiArticle(moved.slug())
				: storyInApi(((Departure.Redirected) ex.departure).url());
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.header(HttpHeaders.LOCATION, location)
			.cacheControl(CacheControl.noCache())
			.build();
	}

	/** A story page's site path as its API address; any other address as it is. */
	private String storyInApi(String url) {
		String story = this.urls.story("");
		String slug = url.startsWith(story) ? url.substring(story.length()) : null;
		return (slug != null && org.gazette.content.Slugs.isValid(slug)) ? this.urls.apiArticle(slug) : url;
	}

	@ExceptionHandler(ChannelNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no public story with this slug.");
	}

}
