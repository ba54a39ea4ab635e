package org.gazette.site;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.search.SearchParameters;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public newsroom's pages. Parameters are checked before anything is read or cached.
 */
@Controller
class NewsroomController {

	private final NewsroomPages pages;

	private final PublicResponses responses;

	private final SearchPages searchPages;

	NewsroomController(NewsroomPages pages, PublicResponses responses, SearchPages searchPages) {
		this.pages = pages;
		this.responses = responses;
		this.searchPages = searchPages;
	}

	@GetMapping("/")
	ResponseEntity<byte[]> home(HttpServletRequest request) {
		return this.responses.cached(request, PageKeys.home(), "site/home.jte", this.pages::home);
	}

	@GetMapping("/news")
	ResponseEntity<byte[]> news(HttpServletRequest request, @RequestParam(required = false) String type,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String year,
			@RequestParam(required = false) String page) {
		ListingParameters parameters = ListingParameters.parse(type, topic, year, page);
		return listing(request, PageKeys.news(parameters), () -> this.pages.news(parameters));
	}

	@GetMapping("/search")
	ResponseEntity<byte[]> search(HttpServletRequest request, @RequestParam(required = false) String q,
			@RequestParam(required = false) String type, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String author, @RequestParam(required = false) String year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page) {
		var query = SearchParameters.parse(q, type, topic, author, year, sort, page, SearchPages.PAGE_SIZE);
		// Searches are not cached: the words are unbounded and would crowd out the pages.
		return this.responses.uncached(request, 200, "site/search.jte", this.searchPages.page(query));
	}

	@GetMapping("/news/{slug}")
	ResponseEntity<byte[]> story(HttpServletRequest request, @PathVariable String slug) {
		return this.responses.cached(request, PageKeys.story(slug), "site/story.jte", () -> this.pages.story(slug));
	}

	@GetMapping("/authors/{slug}")
	ResponseEntity<byte[]> author(HttpServletRequest request, @PathVariable String slug,
			@RequestParam(required = false) String page) {
		int number = ListingParameters.parsePage(page);
		return listing(request, PageKeys.author(slug, number), () -> this.pages.author(slug, number));
	}

	@GetMapping("/topics/{slug}")
	ResponseEntity<byte[]> topic(HttpServletRequest request, @PathVariable String slug,
			@RequestParam(required = false) String page) {
		int number = ListingParameters.parsePage(page);
		return listing(request, PageKeys.topic(slug, number), () -> this.pages.topic(slug, number));
	}

	private ResponseEntity<byte[]> listing(HttpServletRequest request, String key,
			java.util.function.Supplier<Pages.ListingPage> page) {
		// A page past the end is answered 404 with a way back, and is not cached.
		return this.responses.cached(request, key, "site/listing.jte", () -> {
			Pages.ListingPage listing = page.get();
			if (NewsroomPages.isPastEnd(listing)) {
				throw new PastEndException(listing);
			}
			return listing;
		});
	}

	/**
	 * Carries the rendered-but-empty listing to the error handler, which answers 404 with
	 * it.
	 */
	static final class PastEndException extends RuntimeException {

		final transient Pages.ListingPage page;

		PastEndException(Pages.ListingPage page) {
			super(null, null, false, false);
			this.page = page;
		}

	}

}
