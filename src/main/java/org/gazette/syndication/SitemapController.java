package org.gazette.syndication;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The sitemap index, its child sitemaps and robots.txt. */
@RestController
class SitemapController {

	private final Sitemaps sitemaps;

	private final ChannelCache cache;

	SitemapController(Sitemaps sitemaps, ChannelCache cache) {
		this.sitemaps = sitemaps;
		this.cache = cache;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<byte[]> index() {
		return ChannelResponses.ok(this.cache.get("/sitemap.xml", this.sitemaps::index));
	}

	@GetMapping("/sitemaps/pages.xml")
	ResponseEntity<byte[]> pages() {
		return ChannelResponses.ok(this.cache.get("/sitemaps/pages.xml", this.sitemaps::pages));
	}

	@GetMapping("/sitemaps/news.xml")
	ResponseEntity<byte[]> news() {
		return ChannelResponses.ok(this.cache.get("/sitemaps/news.xml", this.sitemaps::news));
	}

	@GetMapping("/sitemaps/stories-{number:[1-9][0-9]*}.xml")
	ResponseEntity<byte[]> stories(@PathVariable String number) {
		if (number.length() > 6) {
			throw new ChannelNotFoundException();
		}
		return stories(Integer.parseInt(number));
	}

	private ResponseEntity<byte[]> stories(int number) {
		Rendered rendered = this.cache.get("/sitemaps/stories-" + number + ".xml", () -> {
			Rendered slice = this.sitemaps.stories(number);
			if (slice == null) {
				throw new ChannelNotFoundException();
			}
			return slice;
		});
		return ChannelResponses.ok(rendered);
	}

	@GetMapping("/robots.txt")
	ResponseEntity<byte[]> robots() {
		return ChannelResponses.ok(this.cache.get("/robots.txt", this.sitemaps::robots));
	}

	@ExceptionHandler(ChannelNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "Sitemap not found", "There is no sitemap at this address.");
	}

}
