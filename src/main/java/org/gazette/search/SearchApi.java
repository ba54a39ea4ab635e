package org.gazette.search;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The search as JSON, with the same parameters as the search page. */
@RestController
class SearchApi {

	private final Search search;

	SearchApi(Search search) {
		this.search = search;
	}

	@GetMapping(path = "/api/v1/search", produces = "application/json")
	ResponseEntity<Map<String, Object>> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String type, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String author, @RequestParam(required = false) String year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page) {
		SearchQuery query = SearchParameters.parse(q, type, topic, author, year, sort, page, 10);
		SearchResults results = this.search.search(query);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.header("Access-Control-Allow-Origin", "*")
			.body(Map.of("query", (q != null) ? q : "", "total", results.total(), "page", results.page(), "pageCount",
					results.pageCount(), "results",
					results.hits()
						.stream()
						.map((hit) -> Map.of("slug", hit.slug(), "url", "/news/" + hit.slug(), "title", hit.title(),
								"type", hit.type(), "releaseDate", hit.releaseAt().toString(), "bylines", hit.bylines(),
								"snippetHtml", hit.snippetHtml()))
						.toList(),
					"facets", results.facets(), "suggestion",
					(results.suggestion() != null) ? results.suggestion() : ""));
	}

	@ExceptionHandler(SearchParameters.InvalidSearchException.class)
	ResponseEntity<ProblemDetail> invalid(SearchParameters.InvalidSearchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.BAD_REQUEST,
				ex.getMessage());
		problem.setTitle("Invalid search parameter");
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(SearchBusyException.class)
	ResponseEntity<ProblemDetail> busy(SearchBusyException ex) {
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Search is busy");
		return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER,
					Integer.toString(SearchBusyException.RETRY_AFTER_SECONDS))
			.cacheControl(CacheControl.noStore())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
