package org.gazette.site;

import java.net.URI;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.content.Slugs;
import org.gazette.platform.SiteUrls;
import org.gazette.search.SearchParameters;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public newsroom's pages. Parameters are checked before anything is read or cached.
 * <p>
 * Listing pages have path-style addresses ({@code /news/page/2},
 * {@code /news/types/statement}, {@code /topics/trade/page/3}) so that a static export
 * can hold each as a file; the older query forms ({@code /news?page=2}) answer with a
 * permanent redirect to them. Only combinations of filters that have no path of their own
 * ({@code /news?type=statement&topic=trade}) are still served at a query address.
 */
@Controller
class NewsroomController {

	private final NewsroomPages pages;

	private final PublicResponses responses;

	private final SearchPages searchPages;

	private final SiteUrls urls;

	private final ShortLinks shortLinks;

	NewsroomController(NewsroomPages pages, PublicResponses responses, SearchPages searchPages, SiteUrls urls,
			ShortLinks shortLinks) {
		this.pages = pages;
		this.responses = responses;
		this.searchPages = searchPages;
		this.urls = urls;
		this.shortLinks = shortLinks;
	}

	@GetMapping("/")
	ResponseEntity<byte[]> home(HttpServletRequest request, @RequestParam(name = "p", required = false) String postId,
			@RequestParam(name = "page_id", required = false) String pageId) {
		if (ShortLinks.isShortLink(postId, pageId)) {
			// An imported WordPress site's short link to a post.
			return movedTo(this.shortLinks.destination(postId, pageId));
		}
		return this.responses.cached(request, PageKeys.home(), "site/home.jte", this.pages::home);
	}

	@GetMapping("/news")
	ResponseEntity<byte[]> news(HttpServletRequest request, @RequestParam(required = false) String type,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String year,
			@RequestParam(required = false) String page) {
		ListingParameters parameters = ListingParameters.parse(type, topic, year, page);
		if (ListingParameters.anyGiven(type, topic, year, page) && parameters.hasOwnPath()) {
			return movedTo(this.urls.news(parameters.asQuery()));
		}
		return newsListing(request, parameters);
	}

	@GetMapping({ "/news/page/{page}", "/news/types/{type}", "/news/types/{type}/page/{page}", "/news/years/{year}",
			"/news/years/{year}/page/{page}" })
	ResponseEntity<byte[]> newsByPath(HttpServletRequest request, @PathVariable(required = false) String type,
			@PathVariable(required = false) String year, @PathVariable(required = false) String page) {
		ListingParameters parameters = ListingParameters.fromPath(type, year, page);
		String canonical = this.urls.news(parameters.asQuery());
		if (!canonical.equals(path(request))) {
			// /news/page/1, /news/page/02: one address per page.
			return movedTo(canonical);
		}
		return newsListing(request, parameters);
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
		if (page != null && Slugs.isValid(slug)) {
			return movedTo(this.urls.author(slug, number));
		}
		return authorListing(request, slug, 1);
	}

	@GetMapping("/authors/{slug}/page/{page}")
	ResponseEntity<byte[]> authorPage(HttpServletRequest request, @PathVariable String slug,
			@PathVariable String page) {
		int number = ListingParameters.pageFromPath(page);
		if (!Slugs.isValid(slug)) {
			throw new NotFoundException();
		}
		if (!this.urls.author(slug, number).equals(path(request))) {
			return movedTo(this.urls.author(slug, number));
		}
		return authorListing(request, slug, number);
	}

	@GetMapping("/topics/{slug}")
	ResponseEntity<byte[]> topic(HttpServletRequest request, @PathVariable String slug,
			@RequestParam(required = false) String page) {
		int number = ListingParameters.parsePage(page);
		if (page != null && Slugs.isValid(slug)) {
			return movedTo(this.urls.topic(slug, number));
		}
		return topicListing(request, slug, 1);
	}

	@GetMapping("/topics/{slug}/page/{page}")
	ResponseEntity<byte[]> topicPage(HttpServletRequest request, @PathVariable String slug, @PathVariable String page) {
		int number = ListingParameters.pageFromPath(page);
		if (!Slugs.isValid(slug)) {
			throw new NotFoundException();
		}
		if (!this.urls.topic(slug, number).equals(path(request))) {
			return movedTo(this.urls.topic(slug, number));
		}
		return topicListing(request, slug, number);
	}

	private ResponseEntity<byte[]> newsListing(HttpServletRequest request, ListingParameters parameters) {
		return listing(request, PageKeys.news(parameters), () -> this.pages.news(parameters));
	}

	private ResponseEntity<byte[]> authorListing(HttpServletRequest request, String slug, int page) {
		return listing(request, PageKeys.author(slug, page), () -> this.pages.author(slug, page));
	}

	private ResponseEntity<byte[]> topicListing(HttpServletRequest request, String slug, int page) {
		return listing(request, PageKeys.topic(slug, page), () -> this.pages.topic(slug, page));
	}

	private ResponseEntity<byte[]> listing(HttpServletRequest request, String key, Supplier<Pages.ListingPage> page) {
		// A page past the end is answered 404 with a way back, and is not cached.
		return this.responses.cached(request, key, "site/listing.jte", () -> {
			Pages.ListingPage listing = page.get();
			if (NewsroomPages.isPastEnd(listing)) {
				throw new PastEndException(listing);
			}
			return listing;
		});
	}

	/** The address asked for, within the application. */
	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static ResponseEntity<byte[]> movedTo(String path) {
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(path)).build();
	}

	/**
	 * The address of a merged author or topic, or one whose slug changed: answered with a
	 * permanent redirect to the profile's own listing, uncached.
	 */
	static final class ProfileMovedException extends RuntimeException {

		final String location;

		ProfileMovedException(String location) {
			super(null, null, false, false);
			this.location = location;
		}

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
