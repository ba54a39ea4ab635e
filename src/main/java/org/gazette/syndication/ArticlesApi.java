package org.gazette.syndication;

import org.gazette.platform.GazetteProperties;

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

	ArticlesApi(ApiDocuments documents, ChannelCache cache, GazetteProperties properties) {
		this.documents = documents;
		this.cache = cache;
		this.properties = properties;
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
		return ChannelResponses.ok(this.cache.get("api:article:" + slug,
				() -> this.documents.article(slug).orElseThrow(ChannelNotFoundException::new)));
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

	@ExceptionHandler(ChannelNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no public story with this slug.");
	}

}
